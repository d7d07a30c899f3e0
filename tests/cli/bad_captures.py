"""Crafted capture files, each with what tcpdump 4.99.3 (libpcap 1.10.3) makes of it.

Every case is (name, bytes, error): `error` is the line libpcap gives (tcpdump prints it after
"tcpdump: ", and after "tcpdump: pcap_loop: " when it comes while reading packets), or None
when the file reads without error. Only the standard library: struct builds the bytes.
"""
import struct

# An Ethernet/IPv4/TCP SYN, 54 bytes.
PACKET = bytes.fromhex(
    "020000000002020000000001" "0800"
    "45000028000100004006" "66cd" "0a000001" "0a000002"
    "00010002" "00000000" "00000000" "5002" "2000" "0000" "0000")


# --- classic pcap ---------------------------------------------------------------------------
def pcap(snaplen=65535, link=1, major=2, minor=4, records=((PACKET, len(PACKET)),), endian="<"):
    out = struct.pack(endian + "IHHiIII", 0xa1b2c3d4, major, minor, 0, 0, snaplen, link)
    for i, (data, wire) in enumerate(records):
        out += struct.pack(endian + "IIII", 1700000000 + i, 0, len(data), wire) + data
    return out


def patched_pcap(snaplen=65535, link=1, data=PACKET, endian="<"):
    """Alexey Kuznetzov's format: 8 more bytes per record header."""
    out = struct.pack(endian + "IHHiIII", 0xa1b2cd34, 2, 4, 0, 0, snaplen, link)
    return out + struct.pack(endian + "IIIIIHBB", 1700000000, 5, len(data), len(data), 7, 8, 9, 0) + data


def record_with_caplen(caplen, data):
    """A record header claiming `caplen` bytes, followed by `data` (maybe fewer)."""
    return struct.pack("<IIII", 1700000000, 0, caplen, caplen) + data


def pcap_header(snaplen=65535, link=1):
    return pcap(snaplen=snaplen, link=link, records=())


BIG = PACKET + bytes(270000 - len(PACKET))

CLASSIC = [
    ("snaplen-0", pcap(snaplen=0), None),
    ("snaplen-above-int", pcap(snaplen=0x80000000), None),
    ("snaplen-all-ones", pcap(snaplen=0xffffffff), None),
    ("snaplen-above-maximum", pcap(snaplen=300000), None),  # kept as it is
    ("snaplen-int-max", pcap(snaplen=0x7fffffff), None),
    ("snaplen-0-dbus", pcap(snaplen=0, link=231), None),
    # Linux's DLT_RAW (12) in the link-type field: raw IP as LINKTYPE_RAW (101) is, and -w
    # writes 101.
    ("link-type-dlt-raw", pcap(link=12, records=((PACKET[14:], len(PACKET) - 14),)), None),
    ("snaplen-0-usbpcap", pcap(snaplen=0, link=249), None),
    ("snaplen-below-caplen", pcap(snaplen=20, records=((PACKET, 54), (PACKET, 54))), None),
    ("version-2.99", pcap(minor=99), "unsupported pcap savefile version 2.99"),
    ("version-2.5", pcap(minor=5), "unsupported pcap savefile version 2.5"),
    ("version-3.4", pcap(major=3), "unsupported pcap savefile version 3.4"),
    ("version-1.4", pcap(major=1), "archaic pcap savefile format"),
    ("version-0.0", pcap(major=0, minor=0), "archaic pcap savefile format"),
    ("version-2.0", pcap(minor=0), None),
    ("version-543.0", pcap(major=543, minor=0), None),  # AIX
    ("link-type-3000", pcap(link=3000), "unknown data link type 3000 (min 104, max 289)"),
    ("link-type-60", pcap(link=60), "unknown data link type 60 (min 104, max 289)"),
    ("link-type-reserved-bit", pcap(link=0x00010001), "unknown data link type 65537 (min 104, max 289)"),
    ("link-type-reserved-bits", pcap(link=0x03ff0001), "unknown data link type 67043329 (min 104, max 289)"),
    ("link-type-fcs-bits", pcap(link=0x24000001, records=((PACKET + b"abcd", 58),)), None),
    ("link-type-fcs-length-only", pcap(link=0x10000001), None),
    ("caplen-above-maximum", pcap(snaplen=300000, records=((BIG, len(BIG)),)),
     "invalid packet capture length 270000, bigger than maximum of 262144"),
    # Within the maximum: read, and tcpdump's printer says what is wrong with the lengths.
    ("caplen-at-maximum-wire-above", pcap(snaplen=300000, records=((BIG[:262144], 270000),)), None),
    ("wire-below-caplen", pcap(records=((PACKET, 10),)), None),
    ("caplen-above-snaplen-and-maximum", pcap(records=((BIG, len(BIG)),)),
     "invalid packet capture length 270000, bigger than snaplen of 65535"),
    ("patched", patched_pcap(), None),
    ("patched-big-endian", patched_pcap(endian=">"), None),
    ("patched-snaplen-0", patched_pcap(snaplen=0), None),
    ("patched-raw-ip", patched_pcap(snaplen=100, link=101, data=PACKET[14:]), None),
    ("patched-cut-header", patched_pcap()[:34], "truncated dump file; tried to read 24 header bytes, only got 10"),
    ("cut-before-snaplen", pcap_header(snaplen=20) + record_with_caplen(54, PACKET[:10]),
     "truncated dump file; tried to read 20 captured bytes, only got 10"),
    ("cut-after-snaplen", pcap_header(snaplen=20) + record_with_caplen(54, PACKET[:30]),
     "truncated dump file; tried to read 54 captured bytes, only got 30"),
]


# --- pcapng ---------------------------------------------------------------------------------
def block(kind, body, total=None, trailer=None, endian="<"):
    body += bytes(-len(body) % 4)
    total = 12 + len(body) if total is None else total
    trailer = total if trailer is None else trailer
    return struct.pack(endian + "II", kind, total) + body + struct.pack(endian + "I", trailer)


def option(code, value, length=None, endian="<"):
    length = len(value) if length is None else length
    return struct.pack(endian + "HH", code, length) + value + bytes(-len(value) % 4)


END = option(0, b"")


def shb(major=1, minor=0, options=b"", total=None, trailer=None, endian="<", magic=0x1a2b3c4d):
    return block(0x0a0d0d0a, struct.pack(endian + "IHHq", magic, major, minor, -1) + options,
                 total, trailer, endian)


def idb(link=1, snaplen=0, options=b"", trailer=None, endian="<"):
    return block(1, struct.pack(endian + "HHI", link, 0, snaplen) + options, trailer=trailer, endian=endian)


def tsresol(value):
    return idb(options=option(9, bytes([value])) + END)


def epb(data=PACKET, caplen=None, wire=None, interface=0, units=1700000000000000, options=b"",
        total=None, trailer=None, endian="<"):
    caplen = len(data) if caplen is None else caplen
    wire = len(data) if wire is None else wire
    body = struct.pack(endian + "IIIII", interface, units >> 32, units & 0xffffffff, caplen, wire)
    return block(6, body + data + bytes(-len(data) % 4) + options, total, trailer, endian)


def spb(data=PACKET, wire=None):
    return block(3, struct.pack("<I", len(data) if wire is None else wire) + data)


def raw_block_header(kind, total):
    return struct.pack("<II", kind, total)


GOOD = shb() + idb() + epb()

PCAPNG = [
    ("ng-good", GOOD, None),
    ("ng-big-endian", shb(endian=">") + idb(endian=">") + epb(endian=">"), None),
    ("ng-snaplen-0", shb() + idb(snaplen=0) + epb(), None),
    ("ng-snaplen-all-ones", shb() + idb(snaplen=0xffffffff) + epb(), None),
    ("ng-snaplen-above-maximum", shb() + idb(snaplen=300000) + epb(), None),
    ("ng-short-file", shb()[:10], "unknown file format"),
    ("ng-bad-magic", shb(magic=0x12345678), "unknown file format"),
    ("ng-header-only", shb()[:12], "truncated pcapng dump file; tried to read 16 bytes, only got 0"),
    ("ng-section-length-20", shb(total=20),
     "Section Header Block in pcapng dump file has invalid length 28 < _20_ < 1048576 (BT_SHB_INSANE_MAX)"),
    ("ng-section-length-huge", shb(total=20 * 1024 * 1024),
     "Section Header Block in pcapng dump file has invalid length 28 < _20971520_ < 1048576 (BT_SHB_INSANE_MAX)"),
    # libpcap reads the first section header's 18 bytes whatever their alignment.
    ("ng-section-length-30", shb(total=30), "truncated pcapng dump file; tried to read 18 bytes, only got 16"),
    ("ng-version-1.1", shb(minor=1), "unsupported pcapng savefile version 1.1"),
    ("ng-version-2.0", shb(major=2), "unsupported pcapng savefile version 2.0"),
    ("ng-version-1.2", shb(minor=2) + idb() + epb(), None),
    ("ng-no-interface", shb(), "the capture file has no Interface Description Blocks"),
    ("ng-packet-before-interface", shb() + epb(),
     "the capture file has a packet block before any Interface Description Blocks"),
    ("ng-block-length-10", shb() + idb() + raw_block_header(6, 10) + bytes(8),
     "block in pcapng dump file has a length of 10 < 12"),
    ("ng-block-length-30", shb() + idb() + raw_block_header(6, 30) + bytes(30),
     "block in pcapng dump file has a length of 30 that is not a multiple of 4"),
    ("ng-block-too-big", shb() + idb() + raw_block_header(6, 20 * 1024 * 1024) + bytes(8),
     "pcapng block size 20971520 > maximum 16777216"),
    ("ng-block-too-big-dbus", shb() + idb(link=231) + raw_block_header(6, 200 * 1024 * 1024) + bytes(8),
     "pcapng block size 209715200 > maximum 134348832"),
    ("ng-interface-trailer", shb() + idb(trailer=99) + epb(),
     "block total length in header and trailer don't match"),
    ("ng-packet-trailer", shb() + idb() + epb(trailer=99),
     "block total length in header and trailer don't match"),
    ("ng-first-section-trailer", shb(trailer=99) + idb() + epb(), None),  # libpcap does not look
    ("ng-cut-block-header", GOOD[:-len(epb()) + 4], "truncated pcapng dump file; tried to read 8 bytes, only got 4"),
    ("ng-cut-block", GOOD[:-10], "truncated pcapng dump file; tried to read 80 bytes, only got 70"),
    ("ng-caplen-above-snaplen", shb() + idb(snaplen=20) + epb(),
     "invalid packet capture length 54, bigger than snaplen of 20"),
    ("ng-caplen-above-maximum", shb() + idb() + epb(BIG),
     "invalid packet capture length 270000, bigger than snaplen of 262144"),
    ("ng-caplen-above-maximum-within-snaplen", shb() + idb(snaplen=300000) + epb(BIG), None),
    ("ng-caplen-beyond-block", shb() + idb() + epb(caplen=200),
     "block of type 6 in pcapng dump file is too short"),
    ("ng-caplen-order", shb() + idb(snaplen=100) + epb(caplen=300),
     "invalid packet capture length 300, bigger than snaplen of 100"),
    ("ng-packet-block-short", shb() + idb() + block(6, bytes(12)), "block of type 6 in pcapng dump file is too short"),
    ("ng-obsolete-block-short", shb() + idb() + block(2, bytes(12)), "block of type 2 in pcapng dump file is too short"),
    ("ng-simple-beyond-block", shb() + idb() + spb(wire=1000), "block of type 3 in pcapng dump file is too short"),
    ("ng-simple-snaplen", shb() + idb(snaplen=20) + spb(wire=300), None),
    ("ng-interface-short", shb() + block(1, bytes(4)), "block of type 1 in pcapng dump file is too short"),
    ("ng-interface-option-past-block", shb() + idb(options=option(2, b"eth0", length=40)),
     "block of type 1 in pcapng dump file is too short"),
    ("ng-packet-option-past-block", shb() + idb() + epb(options=option(1, b"cmt", length=40)), None),
    ("ng-section-option-past-block", shb(options=option(2, b"hw", length=40)) + idb() + epb(), None),
    ("ng-tsresol-10-19", shb() + tsresol(19) + epb(), None),
    ("ng-tsresol-10-20", shb() + tsresol(20) + epb(),
     "Interface Description Block if_tsresol option resolution 10^-20 is too high"),
    ("ng-tsresol-2-64", shb() + tsresol(0x80 | 64) + epb(),
     "Interface Description Block if_tsresol option resolution 2^-64 is too high"),
    ("ng-tsresol-2-127", shb() + tsresol(0xff) + epb(),
     "Interface Description Block if_tsresol option resolution 2^-127 is too high"),
    ("ng-tsresol-2-10", shb() + tsresol(0x8a) + epb(units=(1700000000 << 10) + 1000), None),
    ("ng-tsresol-length-2", shb() + idb(options=option(9, bytes([6, 0])) + END) + epb(),
     "Interface Description Block has if_tsresol option with length 2 != 1"),
    ("ng-tsresol-twice", shb() + idb(options=option(9, bytes([6])) + option(9, bytes([9])) + END) + epb(),
     "Interface Description Block has more than one if_tsresol option"),
    ("ng-tsresol-after-end", shb() + idb(options=END + option(9, bytes([9]))) + epb(units=1700000000123456), None),
    ("ng-tsoffset", shb() + idb(options=option(14, struct.pack("<q", 100)) + END) + epb(), None),
    ("ng-tsoffset-negative", shb() + idb(options=option(14, struct.pack("<q", -100)) + END) + epb(), None),
    ("ng-tsoffset-length-4", shb() + idb(options=option(14, bytes(4)) + END) + epb(),
     "Interface Description Block has if_tsoffset option with length 4 != 8"),
    ("ng-tsoffset-twice", shb() + idb(options=option(14, bytes(8)) * 2 + END) + epb(),
     "Interface Description Block has more than one if_tsoffset option"),
    ("ng-unknown-interface", shb() + idb() + epb(interface=3),
     "a packet arrived on interface 3, but there's no Interface Description Block for that interface"),
    ("ng-second-interface-snaplen", shb() + idb(snaplen=100) + idb(snaplen=20) + epb(interface=1),
     "an interface has a snapshot length 20 different from the snapshot length of the first interface"),
    ("ng-second-interface-snaplen-0", shb() + idb(snaplen=0) + idb(snaplen=262144) + epb(interface=1), None),
    ("ng-second-interface-type", GOOD + idb(link=101),
     "an interface has a type 101 different from the type of the first interface"),
    ("ng-second-section", GOOD + shb(minor=1) + idb() + epb(units=1700000001000000), None),
    ("ng-second-section-version-2", GOOD + shb(major=2) + idb() + epb(),
     "unknown pcapng savefile major version number 2"),
    ("ng-second-section-bad-magic", GOOD + shb(magic=0x12345678) + idb() + epb(),
     "the file has a section with a bad byte order magic field"),
    ("ng-second-section-short", GOOD + block(0x0a0d0d0a, struct.pack("<IHH", 0x1a2b3c4d, 1, 0)) + idb() + epb(),
     "block of type 168627466 in pcapng dump file is too short"),
    ("ng-second-section-no-interface", GOOD + shb() + epb(),
     "a packet arrived on interface 0, but there's no Interface Description Block for that interface"),
    ("ng-unknown-block", shb() + idb() + block(0x99, b"abcd") + epb(), None),
]

# Where rawdump does better than libpcap 1.10.3 on purpose: name -> why. The runner checks
# rawdump's own result and does not compare these with tcpdump.
DEVIATIONS = {
    # The format lets every section have its own byte order; libpcap reads the new section's
    # length in the old order and fails with "pcapng block size 469762048 > maximum 16777216".
    "ng-second-section-big-endian": "libpcap refuses a byte-order change between sections",
    # libpcap's 64-bit arithmetic overflows for 2^-63 units and prints 1.000000 for 1.75 s.
    "ng-tsresol-2-63": "libpcap gets the fraction of 2^-63 units wrong",
}

# Where the link type's name and printer (filter/ and print/, not the readers) differ from
# tcpdump's: the runner compares the exit status, the error line, the snapshot length and the
# -w output, not the banner's link-type name or the printed packets.
READER_ONLY = {"snaplen-0-dbus", "snaplen-0-usbpcap", "ng-block-too-big-dbus"}
PCAPNG += [
    ("ng-second-section-big-endian", GOOD + shb(endian=">") + idb(endian=">") + epb(endian=">"), None),
    ("ng-tsresol-2-63", shb() + tsresol(0x80 | 63) + epb(units=(1 << 63) + (1 << 62) + (1 << 61)), None),
]

CASES = CLASSIC + PCAPNG
