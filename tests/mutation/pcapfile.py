"""Classic pcap files: read every record of one (either byte order, micro or nano), write one.

The mutation test needs only the link type and each record's bytes and wire length; pcapng
files are skipped by the caller (read() returns None for them).
"""
import struct
from dataclasses import dataclass

MAGICS = {  # first four bytes -> byte order of the file
    b"\xd4\xc3\xb2\xa1": "<", b"\x4d\x3c\xb2\xa1": "<",  # little-endian, micro / nano
    b"\xa1\xb2\xc3\xd4": ">", b"\xa1\xb2\x3c\x4d": ">",  # big-endian, micro / nano
}
LINKTYPE_MASK = 0x0000FFFF  # the upper bits carry FCS information, not the link type
MAXIMUM_SNAPLEN = 262144  # libpcap's: a longer record makes tcpdump stop reading


@dataclass
class Record:
    data: bytes
    wire_length: int


def read(path):
    """(link type, [Record]) of a classic pcap file, or None when it is not one."""
    blob = path.read_bytes()
    order = MAGICS.get(blob[:4])
    if order is None or len(blob) < 24:
        return None
    linktype = struct.unpack(order + "I", blob[20:24])[0] & LINKTYPE_MASK
    records, at = [], 24
    while at + 16 <= len(blob):
        _, _, caplen, wire = struct.unpack(order + "IIII", blob[at:at + 16])
        at += 16
        if caplen > MAXIMUM_SNAPLEN or at + caplen > len(blob):
            break
        records.append(Record(blob[at:at + caplen], wire))
        at += caplen
    return linktype, records


def write(path, linktype, records, first_second):
    """A little-endian microsecond pcap; record i is stamped first_second + i, so that each
    packet's output starts with its own `-tt` timestamp."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, MAXIMUM_SNAPLEN, linktype))
        for i, r in enumerate(records):
            f.write(struct.pack("<IIII", first_second + i, 0, len(r.data), r.wire_length))
            f.write(r.data)
