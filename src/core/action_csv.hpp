#pragma once
// The action plan as CSV, for a client to edit in a spreadsheet and hand back.
#include "actions.hpp"
#include "error.hpp"

namespace mw {

// One row per action: uid, questions (space-separated ids), title, owner, due, status, note, late.
std::string actionsCsv(const std::vector<Action>& actions, std::string_view today);

// The actions as the edited file has them: rows are matched to `current` by uid, and title, owner, due,
// status and note are taken from the columns the file has (found by their header, in any order; a missing
// column leaves that field as it is). Only changed actions are returned. A row with an unknown or repeated
// uid, or a field that is not valid, is refused with its row and column.
Result<std::vector<Action>> readActionsCsv(std::string_view text, const std::vector<Action>& current);

} // namespace mw
