/* Traffic generator for bench/live-bench: 60-byte Ethernet/IPv4/UDP frames sent through an
 * AF_PACKET socket on one interface, paced (a given rate) or as fast as the machine allows.
 *
 *   live-gen IFACE PPS SECONDS      PPS 0: unpaced (sendmmsg batches, qdisc bypass)
 *
 * Frames go to a made-up unicast MAC, so on the far side of a veth only a promiscuous packet
 * socket takes them and the stack drops them at once (no ARP, no ICMP replies). Each carries
 * its sequence number in the UDP payload. Prints "sent N seconds S" when done.
 * Built by the bench itself (cc -O2); not part of rawdump. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define FRAME 60
#define BATCH 64

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static uint16_t ip_checksum(const unsigned char *header) {
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2) sum += (uint32_t)(header[i] << 8 | header[i + 1]);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

static void build(unsigned char *f, uint32_t seq) {
    static const unsigned char head[] = {
        0x02, 0x00, 0x5e, 0x10, 0x00, 0x02,  /* destination: nobody's */
        0x02, 0x00, 0x5e, 0x10, 0x00, 0x01,  /* source */
        0x08, 0x00,                          /* IPv4 */
        0x45, 0x00, 0x00, 46, 0, 0, 0x40, 0x00, 64, 17, 0, 0,  /* 46 bytes, DF, TTL 64, UDP */
        10, 244, 0, 1, 10, 244, 0, 2,        /* 10.244.0.1 -> 10.244.0.2 */
        0x30, 0x39, 0x30, 0x3a, 0x00, 26, 0x00, 0x00,  /* 12345 -> 12346, length 26, no sum */
    };
    memset(f, 0, FRAME);
    memcpy(f, head, sizeof head);
    uint16_t sum = ip_checksum(f + 14);
    f[24] = (unsigned char)(sum >> 8);
    f[25] = (unsigned char)sum;
    f[42] = (unsigned char)(seq >> 24);
    f[43] = (unsigned char)(seq >> 16);
    f[44] = (unsigned char)(seq >> 8);
    f[45] = (unsigned char)seq;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: live-gen IFACE PPS SECONDS\n");
        return 2;
    }
    const double pps = atof(argv[2]);
    const double seconds = atof(argv[3]);
    int fd = socket(AF_PACKET, SOCK_RAW, 0);
    if (fd < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof one);
    struct sockaddr_ll to = {0};
    to.sll_family = AF_PACKET;
    to.sll_ifindex = (int)if_nametoindex(argv[1]);
    to.sll_halen = ETH_ALEN;
    if (to.sll_ifindex == 0) {
        fprintf(stderr, "live-gen: %s: no such interface\n", argv[1]);
        return 1;
    }
    static unsigned char frames[BATCH][FRAME];
    struct mmsghdr messages[BATCH];
    struct iovec iov[BATCH];
    memset(messages, 0, sizeof messages);
    for (int i = 0; i < BATCH; ++i) {
        iov[i].iov_base = frames[i];
        iov[i].iov_len = FRAME;
        messages[i].msg_hdr.msg_iov = &iov[i];
        messages[i].msg_hdr.msg_iovlen = 1;
        messages[i].msg_hdr.msg_name = &to;
        messages[i].msg_hdr.msg_namelen = sizeof to;
    }
    uint64_t sent = 0;
    const double start = now();
    const double end = start + seconds;
    if (pps <= 0) {
        while (now() < end) {
            for (int i = 0; i < BATCH; ++i) build(frames[i], (uint32_t)(sent + i));
            int n = sendmmsg(fd, messages, BATCH, 0);
            if (n > 0) sent += (uint64_t)n;
            else if (errno != ENOBUFS && errno != EAGAIN) {
                perror("sendmmsg");
                return 1;
            }
        }
    } else {
        struct timespec next;
        clock_gettime(CLOCK_MONOTONIC, &next);
        const long step = (long)(1e9 / pps);
        for (;;) {
            next.tv_nsec += step;
            while (next.tv_nsec >= 1000000000L) {
                next.tv_nsec -= 1000000000L;
                next.tv_sec += 1;
            }
            if (next.tv_sec + next.tv_nsec / 1e9 >= end) break;
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
            build(frames[0], (uint32_t)sent);
            if (sendto(fd, frames[0], FRAME, 0, (struct sockaddr *)&to, sizeof to) == FRAME) ++sent;
        }
    }
    printf("sent %llu seconds %.3f\n", (unsigned long long)sent, now() - start);
    return 0;
}
