"""Random pcap-filter expressions over the part of the language rawdump implements.

The whole vocabulary of the randomised differential test (run-differential) is here: when
filter/README.md lists a new primitive, add it to PRIMITIVES. Values come from the packets of
corpora/data/*.pcap (so that expressions match some packets and not others). Numbers stay
small and avoid the two constant patterns of libpcap 1.10.3's known optimiser bugs
(`& 0xffffffff` on RAW, `2147483648 / 4294967295`), where rawdump deliberately differs.
"""
import random

HOSTS4 = ["1.2.3.4", "10.0.0.1", "10.0.0.2", "192.168.170.211", "172.17.89.30", "192.0.2.20",
          "127.0.0.1", "224.0.0.5", "255.255.255.255", "10.0.1.7"]
NETS4 = ["10", "10.0", "10.0.0", "10.0.0.0/8", "192.168/16", "172.16.0.0/12", "10.0.1.0/24",
         "10.0.1.0 mask 255.255.255.0", "192.168 mask 255.255", "0.0.0.0/0", "1.2.3.4/32", "224.0.0.0/4"]
HOSTS6 = ["2001:db8::1", "2001:db8::2", "::1", "fe80::1122:33ff:fe44:5566", "fe80::7788:99ff:feaa:bbcc",
          "ff02::1", "::ffff:10.0.0.1", "2001:db8:1011:1213:1415:1617:1819:1a1b"]
NETS6 = ["2001:db8::/32", "fe80::/10", "ff00::/8", "::/0", "2000::/3", "2001:db8::/64", "::1/128"]
MACS = ["ab:cd:ef:00:00:01", "ab-cd-ef-00-00-02", "abcd.ef00.0003", "ff:ff:ff:ff:ff:ff",
        "02:00:00:00:00:01", "01:00:5e:00:00:05", "ab.cd.ef.0.0.1", "abcdef000003"]
HOST_NAMES = ["localhost"]  # from /etc/hosts, which tcpdump and rawdump both read
PORTS = ["7", "25", "53", "67", "68", "80", "443", "1023", "1024", "5672", "6081", "0", "65535",
         "40000", "smtp", "domain", "bootps"]
DIRS = ["", "src ", "dst ", "src or dst ", "src and dst "]
ETHER_TYPES = ["\\ip", "\\ip6", "\\arp", "\\rarp", "0x0800", "0x86dd", "2054", "0x8100", "0x88cc", "1501",
               "\\iso", "\\stp", "\\ipx", "\\netbeui", "\\atalk", "\\aarp", "\\decnet", "6", "0x42", "255"]
IP_PROTOS = ["1", "6", "17", "58", "132", "2", "47", "50", "51", "103", "112", "\\tcp", "\\udp", "\\icmp"]
ACCESSORS = ["ether", "link", "ip", "ip6", "arp", "rarp", "tcp", "udp", "sctp", "icmp", "icmp6",
             "igmp", "igrp", "pim", "vrrp", "carp"]
PROTOCOLS = ["ip", "ip6", "arp", "rarp", "tcp", "udp", "sctp", "icmp", "icmp6", "igmp", "igrp", "vrrp",
             "carp", "pim", "ah", "esp", "decnet", "lat", "sca", "mopdl", "moprc", "stp", "iso", "ipx",
             "netbeui", "atalk", "aarp", "clnp", "esis", "isis", "l1", "l2", "iih", "lsp", "snp", "csnp",
             "psnp"]
OSI = ["iso proto \\clnp", "iso proto \\isis", "iso proto 0x82", "isis proto 0x12", "isis proto 0x1b or 0x19"]
DECNET = ["50.764", "1.1", "1.2"]
LLC_KINDS = ["", " i", " s", " u", " rr", " rnr", " rej", " ui", " ua", " disc", " dm", " sabme", " test",
             " xid", " frmr"]
CONSTANTS = ["tcpflags", "tcp-syn", "tcp-ack", "tcp-fin", "tcp-rst", "tcp-push", "icmptype", "icmpcode",
             "icmp-echo", "icmp-echoreply", "icmp6type", "icmp6-echo", "icmp6code"]
OPERATORS = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]
RELATIONS = [">", "<", ">=", "<=", "=", "==", "!="]
LENGTHS = ["0", "14", "54", "60", "64", "100", "128", "200", "1500"]


def number(rng):
    return rng.choice([str(rng.randrange(0, 16)), str(rng.randrange(0, 256)), hex(rng.randrange(0, 65536)),
                       str(rng.randrange(0, 2000))])


def arith(rng, depth=0):
    """An arithmetic expression: numbers, len, constants, packet data, operators."""
    roll = rng.random()
    if depth >= 2 or roll < 0.35:
        return rng.choice([number(rng), number(rng), "len", rng.choice(CONSTANTS)])
    if roll < 0.7:
        index = str(rng.randrange(0, 64)) if rng.random() < 0.7 else arith(rng, depth + 1)
        size = rng.choice(["", "", ":1", ":2", ":4"])
        return f"{rng.choice(ACCESSORS)}[{index}{size}]"
    if roll < 0.8:
        return f"-{arith(rng, depth + 1)}" if rng.random() < 0.5 else f"({arith(rng, depth + 1)})"
    return f"{arith(rng, depth + 1)} {rng.choice(OPERATORS)} {arith(rng, depth + 1)}"


# Each primitive: rng -> (text, pool of bare ids that may follow it after and/or, or None).
def _link_proto(rng):
    return rng.choices(["", "ip ", "ip6 ", "arp ", "rarp "], [4, 3, 2, 1, 1])[0]


def _host(rng):
    proto = _link_proto(rng)
    pool = HOSTS6 if proto == "ip6 " or (proto == "" and rng.random() < 0.3) else HOSTS4
    if rng.random() < 0.05:
        return f"{proto}{rng.choice(DIRS)}host {rng.choice(HOST_NAMES)}", None
    return f"{proto}{rng.choice(DIRS)}{rng.choice(['host ', ''])}{rng.choice(pool)}", pool


def _net(rng):
    proto = _link_proto(rng)
    pool = NETS6 if proto == "ip6 " or (proto == "" and rng.random() < 0.3) else NETS4
    return f"{proto}{rng.choice(DIRS)}net {rng.choice(pool)}", pool


def _port(rng):
    proto = rng.choice(["", "tcp ", "udp ", "sctp "])
    return f"{proto}{rng.choice(DIRS)}port {rng.choice(PORTS)}", PORTS


def _portrange(rng):
    proto = rng.choice(["", "tcp ", "udp ", "sctp "])
    low, high = rng.choice(PORTS), rng.choice(PORTS)
    return f"{proto}{rng.choice(DIRS)}portrange {low}-{high}", None


def _ether(rng):
    return f"ether {rng.choice(DIRS)}{rng.choice(['host ', ''])}{rng.choice(MACS)}", MACS


def _encapsulation(rng):
    """vlan/mpls/pppoe/geneve: they move the offsets of everything after them (libpcap's rule)."""
    return rng.choice([
        "vlan", f"vlan {rng.choice(['10', '100', '4095', '0'])}", "mpls", f"mpls {rng.choice(['100', '123', '0'])}",
        "pppoed", "pppoes", f"pppoes {rng.choice(['1234', '99'])}",
        "geneve", f"geneve {rng.choice(['12345', '7'])}"]), None


PRIMITIVES = [
    (4, lambda rng: (rng.choice(PROTOCOLS[:9]), None)),
    (2, lambda rng: (rng.choice(PROTOCOLS), None)),
    (2, _encapsulation),
    (1, lambda rng: (f"{rng.choice(['', 'ip ', 'ip6 '])}protochain {rng.choice(IP_PROTOS)}", None)),
    (1, lambda rng: ("llc" + rng.choice(LLC_KINDS), None)),
    (1, lambda rng: rng.choice([(rng.choice(OSI), None),
                                (f"decnet {rng.choice(DIRS[:3])}{rng.choice(['host ', ''])}{rng.choice(DECNET)}", DECNET)])),
    (1, lambda rng: (rng.choice(["inbound", "outbound", "ifindex 7", "ifindex 1", "ip broadcast"]), None)),
    (4, _host), (2, _net), (4, _port), (2, _portrange), (1, _ether),
    (1, lambda rng: (rng.choice(["broadcast", "ether broadcast", "multicast", "ether multicast",
                                 "ip multicast", "ip6 multicast"]), None)),
    (1, lambda rng: (f"{rng.choice(['ether', 'link'])} proto {rng.choice(ETHER_TYPES)}", None)),
    (1, lambda rng: (f"{rng.choice(['', 'ip ', 'ip6 '])}proto {rng.choice(IP_PROTOS)}", None)),
    (1, lambda rng: (f"{rng.choice(['less', 'greater'])} {rng.choice(LENGTHS)}", None)),
    (4, lambda rng: (f"{arith(rng)} {rng.choice(RELATIONS)} {arith(rng)}", None)),
]


def primitive(rng):
    weights = [w for w, _ in PRIMITIVES]
    return rng.choices([make for _, make in PRIMITIVES], weights)[0](rng)


def expression(rng, depth=0):
    """and/or chains (libpcap: same precedence, left to right), not/!, parentheses, bare ids."""
    text, pool = term(rng, depth)
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        joiner = rng.choice([" and ", " or ", " && ", " || "])
        if pool and rng.random() < 0.3:
            text += joiner + rng.choice(pool)  # qualifier carry-over: `port 22 or 80`
        else:
            more, pool = term(rng, depth)
            text += joiner + more
    return text, pool


def term(rng, depth):
    roll = rng.random()
    if depth < 2 and roll < 0.15:
        inner, _ = expression(rng, depth + 1)
        return f"({inner})", None
    if roll < 0.3:
        inner, pool = term(rng, depth + 1)
        return f"{rng.choice(['not ', '!'])}{inner}", pool
    return primitive(rng)


def generate(seed, count):
    rng = random.Random(seed)
    return [expression(rng)[0] for _ in range(count)]
