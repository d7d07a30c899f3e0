#include "src/cli/accounts.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <limits>

namespace rawdump::cli {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> fields;
    for (;;) {
        auto at = line.find(separator);
        fields.push_back(line.substr(0, at));
        if (at == std::string_view::npos) return fields;
        line.remove_prefix(at + 1);
    }
}

// A decimal id below 2^32 - 1: (uid_t)-1 and (gid_t)-1 mean "leave unchanged" to setresuid.
std::optional<std::uint32_t> parse_id(std::string_view text) {
    std::uint32_t value = 0;
    if (text.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    if (value == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
    return value;
}

// glibc's files backend ignores blank lines and lines starting with '#' (after blanks).
bool ignored(std::string_view line) {
    auto first = line.find_first_not_of(" \t");
    return first == std::string_view::npos || line[first] == '#';
}

template <typename Match>
std::optional<Account> find_user(std::istream& passwd, Match&& match) {
    for (std::string line; std::getline(passwd, line);) {
        if (ignored(line)) continue;
        auto fields = split(line, ':');
        if (fields.size() < 4 || fields[0].empty()) continue;
        auto uid = parse_id(fields[2]);
        auto gid = parse_id(fields[3]);
        if (!uid || !gid) continue;
        Account account{std::string(fields[0]), *uid, *gid, {}};
        if (match(account)) return account;
    }
    return std::nullopt;
}

// Fills in the groups from the group file (missing: the primary group alone).
Account with_groups(Account account, const AccountFiles& files) {
    std::ifstream group(files.group);
    account.groups = groups_of(group, account.name, account.gid);
    return account;
}

}  // namespace

std::optional<Account> find_user_by_name(std::istream& passwd, std::string_view name) {
    return find_user(passwd, [&](const Account& a) { return a.name == name; });
}

std::optional<Account> find_user_by_uid(std::istream& passwd, uid_t uid) {
    return find_user(passwd, [&](const Account& a) { return a.uid == uid; });
}

std::vector<gid_t> groups_of(std::istream& group, std::string_view user, gid_t primary) {
    std::vector<gid_t> groups{primary};
    for (std::string line; group && std::getline(group, line);) {
        if (ignored(line)) continue;
        auto fields = split(line, ':');
        if (fields.size() < 4) continue;
        auto gid = parse_id(fields[2]);
        if (!gid) continue;
        auto members = split(fields[3], ',');
        if (std::find(members.begin(), members.end(), user) == members.end()) continue;
        if (std::find(groups.begin(), groups.end(), *gid) == groups.end()) groups.push_back(*gid);
    }
    return groups;
}

std::optional<NumericId> parse_numeric_id(std::string_view text) {
    auto colon = text.find(':');
    auto uid = parse_id(text.substr(0, colon));
    if (!uid) return std::nullopt;
    if (colon == std::string_view::npos) return NumericId{*uid, std::nullopt};
    auto gid = parse_id(text.substr(colon + 1));
    if (!gid) return std::nullopt;
    return NumericId{*uid, *gid};
}

std::optional<Account> resolve_account(std::string_view text, const AccountFiles& files) {
    {
        std::ifstream passwd(files.passwd);
        if (auto account = find_user_by_name(passwd, text)) return with_groups(std::move(*account), files);
    }
    auto numeric = parse_numeric_id(text);
    if (!numeric) return std::nullopt;
    if (numeric->gid) return Account{std::string(text), numeric->uid, *numeric->gid, {*numeric->gid}};
    std::ifstream passwd(files.passwd);
    if (auto account = find_user_by_uid(passwd, numeric->uid)) return with_groups(std::move(*account), files);
    return Account{std::string(text), numeric->uid, numeric->uid, {numeric->uid}};
}

}  // namespace rawdump::cli
