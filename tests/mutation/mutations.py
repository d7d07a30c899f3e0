"""Seeded mutations of one captured packet, the kinds of damage a fuzzer finds divergences
with: bit flips, bytes set to 0, 0xff or anything, cut captures, and edited length fields.

Every choice comes from the caller's random.Random, so a seed reproduces the whole run. Most
edits land in the first HEADER_BYTES bytes, where the headers (and their length fields) are;
some land anywhere.
"""
from pcapfile import Record

HEADER_BYTES = 80
HEADER_BIAS = 0.8  # share of edits aimed at the headers


def _offset(rng, size):
    span = min(size, HEADER_BYTES) if rng.random() < HEADER_BIAS else size
    return rng.randrange(span)


def flip_bit(rng, data, wire):
    at = _offset(rng, len(data))
    bit = rng.randrange(8)
    data[at] ^= 1 << bit
    return data, wire, f"flip bit {bit} of byte {at}"


def set_byte(rng, data, wire):
    at = _offset(rng, len(data))
    value = rng.choice((0x00, 0xFF, rng.randrange(256)))
    data[at] = value
    return data, wire, f"byte {at} = 0x{value:02x}"


def cut_capture(rng, data, wire):
    """A shorter capture of the same packet: the wire length stays."""
    if len(data) < 2:
        return data, wire, "no cut (1 byte)"
    keep = rng.randrange(1, len(data))
    return data[:keep], wire, f"capture cut to {keep}"


def edit_length_field(rng, data, wire):
    """A big-endian 16-bit field nudged, zeroed, saturated or doubled: the fields that say
    how long a header, an option or a payload is are mostly 16-bit and big-endian."""
    if len(data) < 2:
        return set_byte(rng, data, wire)
    at = _offset(rng, len(data) - 1)
    old = data[at] << 8 | data[at + 1]
    new = rng.choice((old + rng.randint(-16, 16), 0, 0xFFFF, old * 2, old // 2,
                      rng.randrange(0x10000))) & 0xFFFF
    data[at], data[at + 1] = new >> 8, new & 0xFF
    return data, wire, f"be16 at {at}: {old} -> {new}"


def longer_wire(rng, data, wire):
    """The packet claims to have been longer on the wire than it was (a short snaplen)."""
    extra = rng.choice((1, 2, 4, 8, rng.randrange(1, 2000)))
    return data, wire + extra, f"wire length +{extra}"


KINDS = (flip_bit, set_byte, cut_capture, edit_length_field, longer_wire)
WEIGHTS = (3, 3, 2, 3, 1)


def mutate(rng, record):
    """One mutant: one to three edits in a row. Returns (Record, description)."""
    data, wire = bytearray(record.data), record.wire_length
    steps = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        if not data:
            break
        kind = rng.choices(KINDS, WEIGHTS)[0]
        data, wire, what = kind(rng, data, wire)
        steps.append(what)
    return Record(bytes(data), max(wire, len(data))), "; ".join(steps)
