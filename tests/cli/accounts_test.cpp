// -Z's user lookup without glibc's NSS: /etc/passwd and /etc/group read as the files backend
// reads them, and rawdump's numeric uid[:gid].
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/cli/accounts.hpp"

using namespace rawdump::cli;

namespace {

const char* const passwd_text =
    "root:x:0:0:root:/root:/bin/bash\n"
    "# a comment line\n"
    "\n"
    "broken line without colons\n"
    "baduid:x:abc:1::/:/bin/sh\n"
    "toobig:x:4294967295:1::/:/bin/sh\n"
    "short:x:7\n"
    "tcpdump:x:102:105::/nonexistent:/usr/sbin/nologin\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    "1000:x:2000:2001::/:/bin/sh\n"
    "twin:x:102:3::/:/bin/sh\n";

const char* const group_text =
    "root:x:0:\n"
    "tcpdump:x:105:\n"
    "pcap:x:300:alice,tcpdump,bob\n"
    "# tcpdump:x:301:tcpdump\n"
    "wireshark:x:301:tcpdumpx,xtcpdump\n"
    "again:x:105:tcpdump\n"
    "badgid:x:zz:tcpdump\n"
    "nogroupfield:x:302\n"
    "last:x:400:tcpdump";

std::optional<Account> by_name(const std::string& name) {
    std::istringstream passwd(passwd_text);
    return find_user_by_name(passwd, name);
}

std::vector<gid_t> groups(const std::string& user, gid_t primary) {
    std::istringstream group(group_text);
    return groups_of(group, user, primary);
}

// Writes both files to a private directory for resolve_account().
struct Files {
    std::string dir;
    AccountFiles paths;
    explicit Files(const char* passwd, const char* group = group_text) {
        char pattern[] = "/tmp/rawdump-accounts-XXXXXX";
        dir = ::mkdtemp(pattern);
        paths.passwd = dir + "/passwd";
        paths.group = dir + "/group";
        if (passwd) std::ofstream(paths.passwd) << passwd;
        if (group) std::ofstream(paths.group) << group;
    }
    ~Files() {
        std::remove(paths.passwd.c_str());
        std::remove(paths.group.c_str());
        ::rmdir(dir.c_str());
    }
};

}  // namespace

TEST_CASE("passwd: a user by name, its uid and primary gid") {
    auto tcpdump = by_name("tcpdump");
    REQUIRE(tcpdump);
    CHECK(tcpdump->uid == 102);
    CHECK(tcpdump->gid == 105);
    auto root = by_name("root");
    REQUIRE(root);
    CHECK(root->uid == 0);
    CHECK(root->gid == 0);
}

TEST_CASE("passwd: comments, blank, short and malformed lines never match") {
    CHECK_FALSE(by_name("baduid"));
    CHECK_FALSE(by_name("toobig"));  // (uid_t)-1 is no uid
    CHECK_FALSE(by_name("short"));
    CHECK_FALSE(by_name("broken line without colons"));
    CHECK_FALSE(by_name("# a comment line"));
    CHECK_FALSE(by_name(""));
    CHECK_FALSE(by_name("tcp"));  // whole names only
    CHECK_FALSE(by_name("tcpdumpx"));
}

TEST_CASE("passwd: the first line with a uid wins") {
    std::istringstream passwd(passwd_text);
    auto user = find_user_by_uid(passwd, 102);
    REQUIRE(user);
    CHECK(user->name == "tcpdump");
}

TEST_CASE("group: the primary group first, then each group listing the user, once") {
    CHECK(groups("tcpdump", 105) == std::vector<gid_t>{105, 300, 400});
    CHECK(groups("alice", 1000) == std::vector<gid_t>{1000, 300});
    CHECK(groups("bob", 300) == std::vector<gid_t>{300});
    CHECK(groups("nobody", 65534) == std::vector<gid_t>{65534});
}

TEST_CASE("uid[:gid]: decimal numbers only") {
    auto uid = parse_numeric_id("65534");
    REQUIRE(uid);
    CHECK(uid->uid == 65534);
    CHECK_FALSE(uid->gid);
    auto both = parse_numeric_id("1000:100");
    REQUIRE(both);
    CHECK(both->uid == 1000);
    CHECK(both->gid == 100u);
    CHECK(parse_numeric_id("0:0"));
    CHECK(parse_numeric_id("4294967294:4294967294"));
    for (const char* bad : {"", ":", "1:", ":1", "1:2:3", "-1", "+1", " 1", "1 ", "0x10", "4294967295",
                            "1:4294967295", "99999999999", "tcpdump", "1a"})
        CHECK_MESSAGE(!parse_numeric_id(bad), bad);
}

TEST_CASE("resolve: a name first, with initgroups' group list") {
    Files files(passwd_text);
    auto account = resolve_account("tcpdump", files.paths);
    REQUIRE(account);
    CHECK(account->uid == 102);
    CHECK(account->gid == 105);
    CHECK(account->groups == std::vector<gid_t>{105, 300, 400});
    // A user whose name is digits is found by name, as getpwnam finds it.
    auto digits = resolve_account("1000", files.paths);
    REQUIRE(digits);
    CHECK(digits->uid == 2000);
    CHECK(digits->gid == 2001);
}

TEST_CASE("resolve: a bare uid takes its passwd line's gid and groups") {
    Files files(passwd_text);
    auto account = resolve_account("102", files.paths);
    REQUIRE(account);
    CHECK(account->name == "tcpdump");
    CHECK(account->gid == 105);
    CHECK(account->groups == std::vector<gid_t>{105, 300, 400});
}

TEST_CASE("resolve: uid:gid is exactly that, whatever passwd says") {
    Files files(passwd_text);
    auto account = resolve_account("102:7", files.paths);
    REQUIRE(account);
    CHECK(account->uid == 102);
    CHECK(account->gid == 7);
    CHECK(account->groups == std::vector<gid_t>{7});
}

TEST_CASE("resolve: without passwd and group files (FROM scratch) numbers still work") {
    Files files(nullptr, nullptr);
    auto bare = resolve_account("65534", files.paths);
    REQUIRE(bare);
    CHECK(bare->uid == 65534);
    CHECK(bare->gid == 65534);
    CHECK(bare->groups == std::vector<gid_t>{65534});
    auto pair = resolve_account("1000:1001", files.paths);
    REQUIRE(pair);
    CHECK(pair->gid == 1001);
    CHECK_FALSE(resolve_account("tcpdump", files.paths));
    CHECK_FALSE(resolve_account("nosuchuser", files.paths));
}

TEST_CASE("resolve: an unknown name that is not a number") {
    Files files(passwd_text);
    CHECK_FALSE(resolve_account("nosuchuser", files.paths));
    CHECK_FALSE(resolve_account("12ab", files.paths));
}
