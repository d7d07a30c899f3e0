"""Protocols tcpdump 4.99.3 decodes and rawdump knowingly does not: README's "What works"
does not list them, and rawdump prints them as tcpdump prints a protocol it does not know.
A mutant that turns into one of them cannot match tcpdump, so a packet whose outputs differ is
counted as excluded, not failed, when tcpdump's text for it shows one of these protocols, or
rawdump's shows that its link layer handed over one of them (a BSD loopback family, an
ethertype) which it then left undecoded.

Each entry: the name reported in the counts, a regular expression for tcpdump's lines, and one
for rawdump's lines (None: tcpdump's decides alone). Add an entry only for a protocol README
does not list as decoded; anything else that differs is a rawdump bug.
"""
import re

OUT_OF_SCOPE = [
    ("OSPF", r"\bOSPFv\d|\[\|ospf2\]", None),
    ("PIM over IP protocol 103 (PIMv2)", r"\bPIMv\d", None),
    ("BGP", r"\bBGP\b", None),
    ("ISAKMP", r"\bisakmp\b", None),
    ("Sun RPC / NFS", r"\b(NFS|RPC|rpc|nfs)\b|\bproc-\d|\bxid \d", None),
    ("SMB / NetBIOS", r"\bNBT\b|\bSMB\b|NetBIOS", None),
    ("OpenFlow", r"\bOpenFlow\b", None),
    ("IPX", r"\bIPX\b|\bipx-|\[\|ipx\]", r"\bAF IPX\b|ethertype IPX\b"),
    ("OSI", r"\bOSI\b|\bCLNP|\bES-IS\b|\bIS-IS\b|\bISIS\b|\[\|(clnp|esis|isis)\]",
     r"\bAF ISO\b|ethertype OSI\b|\bOSI (Unnumbered|Information|Supervisory)|\] OSI (\n|$)"),
    ("IGRP / EIGRP", r"\bigrp:|\bEIGRP\b|\[\|eigrp\]", None),
    ("EGP", r"\bEGPv\d|\[\|egp\]", None),
    ("PGM", r"\bPGM, |\[\|pgm\]", None),
    ("DCCP", r"\bDCCP\b|\[\|dccp\]", None),
    ("IPComp", r"\bIPComp\(|\[\|ipcomp\]", None),
    ("MPCP (EPON)", r"\bMPCP, |\[\|mpcp\]", r"ethertype MPCP \(0x8808\)"),
    ("GeoNetworking", r"\bGeoNet |\[\|geonet\]", r"ethertype GeoNet \(0x8947\)"),
    ("802.1AE MACsec", r"\bMACsec\b|\[\|macsec\]", r"ethertype 802\.1AE MACsec"),
    ("M3UA / ForCES in SCTP (rawdump shows the payload in hex)", r"\bM3UA\b|\bForCES\b",
     r"\[PPID (M3UA|ForCES)\] \[Payload"),
    ("Mobile IP", r"\[\|mobile\]|\bmobile: ", None),
    ("Broadcom LI", r"\bBCM-LI\b|\[\|bcm_li\]", None),
    ("LDP", r"\bLDP\b|\[\|ldp\]", None),
    ("PTP", r"\bPTPv\d|\[\|ptp\]", r"ethertype PTP \(0x88f7\)"),
    ("VAT (udp/vt)", r"\budp/vt\b", None),
    ("ATA over Ethernet", r"\bAoE\b|\[\|aoe\]", r"ethertype AoE \(0x88a2\)"),
    ("TIPC", r"\bTIPC v|\[\|tipc\]", r"ethertype TIPC \(0x88ca\)"),
    ("TSP (timed)", r"\bTSP_\w+ vers\b|\[\|tsp\]", None),
    ("RSVP", r"\bRSVP\b|\[\|rsvp\]", None),
    ("HSRP", r"\bHSRPv\d|\[\|hsrp\]", None),
    ("IPv6 mobility header", r"\bmobility: |\[\|mobility\]", None),
    ("DECnet", r"\(pktlen \d+|\[\|decnet\]", r"ethertype DN \(0x6003\)"),
    ("Realtek protocols", r"\bRealtek\b|\bRRCP\b|\bRLDP\b", r"ethertype Realtek protocols"),
    ("AppleTalk (and its UDP encapsulation, KIP)",
     r"\bAT \d|\bAT  \[|\baarp\b|\bat-(\w|#)|\bnbp-|: kip |\[\|ddp\b",
     r"\bAF Appletalk\b|ethertype Appletalk|oui Appletalk"),
]

_COMPILED = [(name, re.compile(theirs), re.compile(ours) if ours else None)
             for name, theirs, ours in OUT_OF_SCOPE]


def out_of_scope(tcpdump_lines, rawdump_lines):
    """The name of the first listed protocol either output shows, or None."""
    theirs, ours = "\n".join(tcpdump_lines), "\n".join(rawdump_lines)
    for name, tcpdump_pattern, rawdump_pattern in _COMPILED:
        if tcpdump_pattern.search(theirs) or (rawdump_pattern and rawdump_pattern.search(ours)):
            return name
    return None
