#include "action_csv.hpp"

#include "csv.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace mw {

std::string actionsCsv(const std::vector<Action>& actions, std::string_view today) {
    std::string out = "uid,questions,title,owner,due,status,note,late\r\n";
    for (const auto& a : actions) {
        std::string questions;
        for (const auto& q : a.questionIds)
            questions += (questions.empty() ? "" : " ") + q;
        out += csvField(a.uid) + "," + csvField(questions) + "," + csvField(a.title) + "," +
               csvField(a.owner) + "," + csvField(a.due) + "," + std::string(toString(a.status)) + "," +
               csvField(a.note) + "," + (isLate(a, today) ? "yes" : "no") + "\r\n";
    }
    return out;
}

Result<std::vector<Action>> readActionsCsv(std::string_view text, const std::vector<Action>& current) {
    auto rows = readCsv(text);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return fail("the file is empty; expected a header row such as 'uid,questions,title,owner,...'");
    std::map<std::string, std::size_t> column;
    for (std::size_t c = 0; c < rows->front().size(); ++c) {
        std::string name;
        for (char ch : rows->front()[c])
            if (ch != ' ')
                name += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        column.emplace(name, c);
    }
    if (!column.contains("uid"))
        return fail("row 1: no 'uid' column; the file must keep the uid column of 'maturity actions --out'");
    std::map<std::string, const Action*> byUid;
    for (const auto& a : current)
        byUid[a.uid] = &a;
    std::set<std::string> seen;
    std::vector<Action> changed;
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const auto& row = (*rows)[r];
        const std::string where = "row " + std::to_string(r + 1);
        const bool blank = std::all_of(row.begin(), row.end(), [](const std::string& f) {
            return f.find_first_not_of(" \t") == std::string::npos;
        });
        if (blank)
            continue;
        auto cell = [&](const char* name) -> std::optional<std::string> {
            const auto found = column.find(name);
            if (found == column.end())
                return std::nullopt;
            return found->second < row.size() ? row[found->second] : std::string();
        };
        const std::string uid = *cell("uid");
        const auto action = byUid.find(uid);
        if (action == byUid.end())
            return fail(where + ", column uid: no action '" + uid + "' in this assessment");
        if (!seen.insert(uid).second)
            return fail(where + ", column uid: action '" + uid + "' appears twice");
        Action edited = *action->second;
        if (auto title = cell("title")) {
            if (title->find_first_not_of(" \t") == std::string::npos)
                return fail(where + ", column title: an action needs a title");
            edited.title = *title;
        }
        if (auto owner = cell("owner"))
            edited.owner = *owner;
        if (auto due = cell("due")) {
            if (!due->empty() && !isIsoDate(*due))
                return fail(where + ", column due: '" + *due + "' is not a date such as 2026-06-30");
            edited.due = *due;
        }
        if (auto status = cell("status")) {
            const auto parsed = actionStatusFromString(*status);
            if (!parsed)
                return fail(where + ", column status: '" + *status + "' is not " +
                            std::string(kActionStatuses));
            edited.status = *parsed;
        }
        if (auto note = cell("note"))
            edited.note = *note;
        if (edited != *action->second) {
            edited.updatedAt.clear(); // the store stamps the change
            changed.push_back(std::move(edited));
        }
    }
    return changed;
}

} // namespace mw
