// html_assets.hpp — private: the one stylesheet and the one script of the HTML report, inlined into the
// page and allowed by the Content-Security-Policy through their SHA-256 hashes (no 'unsafe-inline' for
// scripts, no 'unsafe-eval', no network sources of any kind).
#pragma once

#include <string_view>

namespace aiswatch::report::detail {

extern const std::string_view kReportCss;
extern const std::string_view kReportJs;

}  // namespace aiswatch::report::detail
