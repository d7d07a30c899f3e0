"""Classic BPF with libpcap's bpf_filter() rules, for the test scripts (stdlib only).

libpcap's rules, as it applies a filter to savefile records: a load that does not fit in the
captured bytes rejects the packet (Linux ancillary loads at SKF_AD_OFF + n included: a file
has no such data), division or modulo by zero rejects, scratch memory and the registers start
at zero. Shifts by 32 or more give 0 (C leaves them undefined; no compiler here emits them).
"""


def parse_ddd(text):
    """The program of tcpdump's/rawdump's -ddd output: a count line, then 'code jt jf k'."""
    rows = [line.split() for line in text.strip().splitlines() if line.strip()]
    count = int(rows[0][0])
    program = [tuple(int(x) for x in row) for row in rows[1:1 + count]]
    if len(program) != count or any(len(row) != 4 for row in program):
        raise ValueError("malformed -ddd output")
    return program


def run(program, packet, wirelen):
    """The program's return value for one packet (0 = rejected)."""
    a = x = 0
    memory = [0] * 16
    pc = 0
    size_of = {0x00: 4, 0x08: 2, 0x10: 1}
    while True:
        if pc >= len(program):
            return 0
        code, jt, jf, k = program[pc]
        pc += 1
        cls = code & 0x07
        if cls in (0x00, 0x01):  # ld, ldx
            mode = code & 0xE0
            if mode == 0x00:
                value = k
            elif mode == 0x80:
                value = wirelen
            elif mode == 0x60:
                value = memory[k & 15]
            elif mode == 0xA0:  # ldxb 4*([k]&0xf)
                if k >= len(packet):
                    return 0
                value = (packet[k] & 0x0F) << 2
            else:
                start = k if mode == 0x20 else (x + k) & 0xFFFFFFFF
                size = size_of[code & 0x18]
                if start + size > len(packet):
                    return 0
                value = int.from_bytes(packet[start:start + size], "big")
            if cls == 0x00:
                a = value
            else:
                x = value
        elif cls == 0x02:
            memory[k & 15] = a
        elif cls == 0x03:
            memory[k & 15] = x
        elif cls == 0x04:
            op = code & 0xF0
            operand = x if code & 0x08 else k
            if op in (0x30, 0x90) and operand == 0:
                return 0
            a = {
                0x00: lambda: a + operand, 0x10: lambda: a - operand, 0x20: lambda: a * operand,
                0x30: lambda: a // operand, 0x90: lambda: a % operand, 0x40: lambda: a | operand,
                0x50: lambda: a & operand, 0xA0: lambda: a ^ operand,
                0x60: lambda: a << operand if operand < 32 else 0,
                0x70: lambda: a >> operand if operand < 32 else 0, 0x80: lambda: -a,
            }[op]() & 0xFFFFFFFF
        elif cls == 0x05:
            op = code & 0xF0
            operand = x if code & 0x08 else k
            if op == 0x00:
                pc = (pc + k) & 0xFFFFFFFF
                continue
            taken = {0x10: a == operand, 0x20: a > operand, 0x30: a >= operand,
                     0x40: (a & operand) != 0}[op]
            pc += jt if taken else jf
        elif cls == 0x06:
            source = code & 0x18
            return a if source == 0x10 else x if source == 0x08 else k
        else:
            a, x = (a, a) if (code & 0xF8) == 0x00 else (x, x)
