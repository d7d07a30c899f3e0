// rotation_file_name: tcpdump 4.99.3's MakeFilename, case by case.
#include <climits>
#include <string>

#include <doctest/doctest.h>

#include "src/cli/rotation_names.hpp"

using rawdump::cli::file_number_width;
using rawdump::cli::rotation_file_name;

TEST_CASE("the number's width comes from -W's largest file number") {
    CHECK(file_number_width(0) == 0);
    CHECK(file_number_width(1) == 0);
    CHECK(file_number_width(2) == 1);
    CHECK(file_number_width(10) == 1);
    CHECK(file_number_width(11) == 2);
    CHECK(file_number_width(100) == 2);
    CHECK(file_number_width(101) == 3);
}

TEST_CASE("-C names: the first file plain, then numbered, padded in a ring") {
    CHECK(*rotation_file_name({"out", false, 0, 0, 0}) == "out");
    CHECK(*rotation_file_name({"out", false, 0, 1, 0}) == "out1");
    CHECK(*rotation_file_name({"out", false, 0, 12, 0}) == "out12");
    CHECK(*rotation_file_name({"out", false, 0, 0, 1}) == "out0");
    CHECK(*rotation_file_name({"out", false, 0, 3, 2}) == "out03");
    // Without -G the name is taken as it is, strftime conversions included.
    CHECK(*rotation_file_name({"out-%Y", false, 0, 1, 0}) == "out-%Y1");
}

TEST_CASE("-G names go through strftime in the local time zone (TZ=UTC here)") {
    ::setenv("TZ", "UTC", 1);
    ::tzset();
    const std::time_t t = 1700000000;  // 2023-11-14 22:13:20 UTC
    CHECK(*rotation_file_name({"dump-%Y%m%d-%H%M%S.pcap", true, t, 0, 0}) == "dump-20231114-221320.pcap");
    CHECK(*rotation_file_name({"g-%s-", true, t, 2, 0}) == "g-1700000000-2");
    CHECK(*rotation_file_name({"plain", true, t, 0, 0}) == "plain");
}

TEST_CASE("a name past PATH_MAX is tcpdump's error") {
    auto name = rotation_file_name({std::string(PATH_MAX, 'a'), false, 0, 1, 0});
    REQUIRE(!name);
    CHECK(name.error() == "too many output files or filename is too long (> 4096)");
}
