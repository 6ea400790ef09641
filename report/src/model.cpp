// model.cpp — see model.hpp.
#include "aiswatch/report/model.hpp"

#include <array>

#include "aiswatch/report/sha256.hpp"

namespace aiswatch::report {

const char* to_string(InputRole r) noexcept {
  static constexpr std::array<const char*, 5> kNames = {"input", "watchlist", "zones", "config", "case file"};
  return kNames.at(static_cast<std::size_t>(r));
}

InputFile describe_input(InputRole role, const std::filesystem::path& file) {
  FileDigest digest = digest_file(file);
  return InputFile{.role = role,
                   .path = file.string(),
                   .size_bytes = digest.size_bytes,
                   .sha256_hex = std::move(digest.sha256_hex)};
}

}  // namespace aiswatch::report
