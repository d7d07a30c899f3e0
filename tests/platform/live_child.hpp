// Running part of a live test in a forked child: another identity, a private network
// namespace. The child reports a string; empty means success.
#pragma once

#include <functional>
#include <string>

namespace live {

// Runs `body` in a forked child and returns its report ("child crashed: ..." if it died).
std::string in_child(const std::function<std::string()>& body);

// Sets IFF_UP on `name` (a fresh namespace's lo starts down).
bool set_up(const char* name);

// What `open()` of `interface` with default settings says: "opened" or tcpdump's text.
std::string open_error(const std::string& interface);

}  // namespace live
