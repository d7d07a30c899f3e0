#include "src/cli/rotation_names.hpp"

#include <climits>

#include <fmt/format.h>

namespace rawdump::cli {

int file_number_width(std::uint32_t file_count) {
    int digits = 0;
    for (std::uint32_t largest = file_count == 0 ? 0 : file_count - 1; largest > 0; largest /= 10) ++digits;
    return digits;
}

Expected<std::string, std::string> rotation_file_name(const RotationName& name) {
    std::string base;
    if (name.time_formatted) {
        // tcpdump formats into a PATH_MAX buffer; strftime's 0 (too long, or an empty
        // result) leaves nothing usable there, so the name is empty then.
        std::tm local{};
        if (::localtime_r(&name.time, &local) == nullptr)
            return Unexpected{std::string("rotation_file_name: localtime")};
        std::string buffer(PATH_MAX, '\0');
        std::size_t length = std::strftime(buffer.data(), buffer.size(), name.pattern.c_str(), &local);
        base.assign(buffer.data(), length);
    } else {
        base = name.pattern.substr(0, PATH_MAX);
    }
    if (name.number == 0 && name.width == 0) return base;
    std::string numbered = fmt::format("{}{:0{}}", base, name.number, name.width);
    if (numbered.size() > PATH_MAX)
        return Unexpected{fmt::format("too many output files or filename is too long (> {})", PATH_MAX)};
    return numbered;
}

}  // namespace rawdump::cli
