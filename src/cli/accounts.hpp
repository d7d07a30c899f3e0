// Who -Z names: a user from /etc/passwd with its groups from /etc/group, or a numeric
// uid[:gid]. The files are read here rather than through getpwnam(3)/initgroups(3): the binary
// is static, and glibc's NSS would try to load shared modules at run time.
#pragma once

#include <sys/types.h>

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rawdump::cli {

struct Account {
    std::string name;  // the -Z text when it was numeric and no passwd line has that uid
    uid_t uid = 0;
    gid_t gid = 0;
    // What initgroups(3) would set: the primary group first, then every group of /etc/group
    // that lists the user as a member, each once.
    std::vector<gid_t> groups;
};

// The passwd line whose name is `name` (name:password:uid:gid:gecos:home:shell); lines that
// do not parse are skipped, as glibc's files backend skips them.
std::optional<Account> find_user_by_name(std::istream& passwd, std::string_view name);
// The first passwd line with that uid.
std::optional<Account> find_user_by_uid(std::istream& passwd, uid_t uid);

// The primary group, then the groups that list `user` in their member field.
std::vector<gid_t> groups_of(std::istream& group, std::string_view user, gid_t primary);

// "uid" or "uid:gid", decimal, each below 2^32 - 1 ((uid_t)-1 means "unchanged" to the
// kernel); nullopt for anything else.
struct NumericId {
    uid_t uid = 0;
    std::optional<gid_t> gid;
};
std::optional<NumericId> parse_numeric_id(std::string_view text);

// -Z's argument, resolved as rawdump does: a user name first (as tcpdump); failing that a
// numeric uid[:gid] (rawdump's extension, for images without /etc/passwd). A bare uid takes
// the gid and groups of its passwd line when there is one, otherwise gid = uid and no other
// group; uid:gid takes exactly that group. nullopt: no such user.
struct AccountFiles {
    std::string passwd = "/etc/passwd";
    std::string group = "/etc/group";
};
std::optional<Account> resolve_account(std::string_view text, const AccountFiles& files = {});

}  // namespace rawdump::cli
