#pragma once
// RFC 4180 CSV, written so that a spreadsheet keeps user text as text, and read back after a spreadsheet
// edited it.
#include "error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mw {

// One field, quoted when it must be. A field a spreadsheet would take for a formula (it starts with =, +,
// -, @, a tab or a carriage return) gets a leading apostrophe, which readCsv takes off again.
std::string csvField(std::string_view text);

// Rows of fields. Quoted fields may hold commas, quotes and line breaks; a byte-order mark and a last line
// break are allowed. A quote left open names the line it opened on.
Result<std::vector<std::vector<std::string>>> readCsv(std::string_view text);

} // namespace mw
