#include "csv.hpp"

namespace mw {

namespace {

bool formulaLike(std::string_view text) {
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

} // namespace

std::string csvField(std::string_view text) {
    const bool formula = formulaLike(text);
    const bool quote = formula || text.find_first_of(",\"\r\n") != std::string_view::npos;
    std::string out;
    if (quote)
        out += '"';
    if (formula)
        out += '\'';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    if (quote)
        out += '"';
    return out;
}

Result<std::vector<std::vector<std::string>>> readCsv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (a leading apostrophe is ours then)
    int line = 1, openedOn = 0;
    auto endField = [&] {
        if (wasQuoted && field.size() > 1 && field.front() == '\'' && formulaLike(field.substr(1)))
            field.erase(0, 1);
        row.push_back(std::move(field));
        field.clear();
        wasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        rows.push_back(std::move(row));
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
        } else if (c == '"' && field.empty()) {
            quoted = wasQuoted = true;
            openedOn = line;
        } else if (c == ',') {
            endField();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue; // the \n ends the row
        } else if (c == '\n' || c == '\r') {
            ++line;
            endRow();
        } else {
            field += c;
        }
    }
    if (quoted)
        return fail("line " + std::to_string(openedOn) + ": a quoted field is never closed");
    if (!field.empty() || !row.empty() || wasQuoted)
        endRow();
    return rows;
}

} // namespace mw
