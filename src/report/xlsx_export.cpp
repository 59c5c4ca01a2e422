#include "report/exports.hpp"
#include "report/xlsx_library.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace mw {

namespace {

void writeOptional(const XlsxWriter& xlsx, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                   const std::optional<double>& value, lxw_format* format) {
    if (value)
        xlsx.worksheet_write_number(sheet, row, col, *value, format);
    else
        xlsx.worksheet_write_blank(sheet, row, col, format);
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* number = nullptr;     // scores: two decimals
    lxw_format* level = nullptr;      // levels and level gaps: whole numbers on a whole scale
    lxw_format* levelInput = nullptr; // a level the client may change: the gap beside it follows
    lxw_format* percent = nullptr;
    lxw_format* input = nullptr; // cells left for the client to fill in
    lxw_format* date = nullptr;
};

Formats addFormats(const XlsxWriter& xlsx, lxw_workbook* book, const Model& model) {
    Formats f;
    f.header = xlsx.workbook_add_format(book);
    xlsx.format_set_bold(f.header);
    xlsx.format_set_bg_color(f.header, 0xDCE6F0);
    xlsx.format_set_font_color(f.header, 0x17365D);
    xlsx.format_set_text_wrap(f.header);
    xlsx.format_set_border(f.header, LXW_BORDER_THIN);
    xlsx.format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.wrap = xlsx.workbook_add_format(book);
    xlsx.format_set_text_wrap(f.wrap);
    xlsx.format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.number = xlsx.workbook_add_format(book);
    xlsx.format_set_num_format(f.number, "0.00");
    xlsx.format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
    const bool wholeScale = std::all_of(model.scale.begin(), model.scale.end(),
                                        [](const ScaleLevel& l) { return l.value == std::floor(l.value); });
    f.level = xlsx.workbook_add_format(book);
    xlsx.format_set_num_format(f.level, wholeScale ? "0" : "0.0#");
    xlsx.format_set_align(f.level, LXW_ALIGN_VERTICAL_TOP);
    f.levelInput = xlsx.workbook_add_format(book);
    xlsx.format_set_num_format(f.levelInput, wholeScale ? "0" : "0.0#");
    xlsx.format_set_align(f.levelInput, LXW_ALIGN_VERTICAL_TOP);
    xlsx.format_set_bg_color(f.levelInput, 0xFFF8E1);
    xlsx.format_set_border(f.levelInput, LXW_BORDER_THIN);
    xlsx.format_set_border_color(f.levelInput, 0xD0D7DE);
    f.percent = xlsx.workbook_add_format(book);
    xlsx.format_set_num_format(f.percent, "0%");
    xlsx.format_set_align(f.percent, LXW_ALIGN_VERTICAL_TOP);
    f.input = xlsx.workbook_add_format(book);
    xlsx.format_set_bg_color(f.input, 0xFFF8E1);
    xlsx.format_set_border(f.input, LXW_BORDER_THIN);
    xlsx.format_set_border_color(f.input, 0xD0D7DE);
    xlsx.format_set_text_wrap(f.input);
    xlsx.format_set_align(f.input, LXW_ALIGN_VERTICAL_TOP);
    f.date = xlsx.workbook_add_format(book);
    xlsx.format_set_num_format(f.date, "yyyy-mm-dd");
    xlsx.format_set_bg_color(f.date, 0xFFF8E1);
    xlsx.format_set_border(f.date, LXW_BORDER_THIN);
    xlsx.format_set_border_color(f.date, 0xD0D7DE);

    return f;
}

// A1-style name of a cell, for formulas.
std::string cellName(lxw_row_t row, lxw_col_t col) {
    std::string letters;
    for (unsigned n = col + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters + std::to_string(row + 1);
}

struct SheetWriter {
    const XlsxWriter& xlsx;
    Formats f;
    std::uint8_t paper = 9; // Excel's paper codes: 9 is A4, 1 is US Letter
    // Neither the library nor a spreadsheet opening the file fits a row to its wrapped text, so each row
    // is given the height its longest cell needs, estimated from the column's width.
    mutable std::map<lxw_worksheet*, std::vector<double>> widths;
    mutable std::map<lxw_worksheet*, std::map<lxw_row_t, int>> lines;

    void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& value,
              lxw_format* format) const {
        xlsx.worksheet_write_string(sheet, row, col, value.c_str(), format);
        const auto& columnWidths = widths[sheet];
        if (col >= columnWidths.size() || value.empty())
            return;
        // About one character per unit of width, less for the words that wrap early.
        const double perLine = std::max(1.0, columnWidths[col] * 0.95);
        int needed = 0;
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t end = std::min(value.find('\n', start), value.size());
            needed += std::max(1, static_cast<int>(std::ceil(static_cast<double>(end - start) / perLine)));
            start = end + 1;
        }
        int& most = lines[sheet][row];
        most = std::max(most, needed);
    }

    // A gap that follows its levels: target minus current, empty while either is. The value computed
    // here is stored with it, so a reader that does not calculate shows the same number.
    void gapFormula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t gapCol, lxw_col_t currentCol,
                    lxw_col_t targetCol, std::optional<double> gap, lxw_format* format) const {
        const std::string current = cellName(row, currentCol), target = cellName(row, targetCol);
        const std::string formula = "=IF(AND(ISNUMBER(" + target + "),ISNUMBER(" + current + "))," + target +
                                    "-" + current + ",\"\")";
        if (gap)
            xlsx.worksheet_write_formula_num(sheet, row, gapCol, formula.c_str(), format, *gap);
        else
            xlsx.worksheet_write_formula_str(sheet, row, gapCol, formula.c_str(), format, "");
    }

    // The name of the level in another cell, as the model's scale names it (the highest level at or
    // below the value), so that it follows a changed level too; the name written here is stored with it.
    void levelNameFormula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, lxw_col_t levelCol,
                          const Model& model, const std::string& name) const {
        std::string values, names;
        for (const auto& level : model.scale) {
            values += (values.empty() ? "" : ",") + formatNumber(level.value);
            std::string quoted;
            for (const char c : level.label)
                quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            names += (names.empty() ? "\"" : ",\"") + quoted + "\"";
        }
        const std::string level = cellName(row, levelCol);
        const std::string formula = "=IF(ISNUMBER(" + level + "),IFERROR(LOOKUP(" + level + ",{" + values +
                                    "},{" + names + "}),\"\"),\"\")";
        xlsx.worksheet_write_formula_str(sheet, row, col, formula.c_str(), f.wrap, name.c_str());
    }

    // Levels typed into these cells must be on the model's scale.
    void levelValidation(lxw_worksheet* sheet, lxw_row_t lastRow, lxw_col_t col, const Model& model) const {
        if (model.scale.empty() || lastRow < 1)
            return;
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_number = model.scale.front().value;
        validation.maximum_number = model.scale.back().value;
        std::string title = "Level off the scale";
        std::string message = "Give a level from " + formatNumber(model.scale.front().value) + " to " +
                              formatNumber(model.scale.back().value) + ", or leave it empty.";
        validation.error_title = title.data();
        validation.error_message = message.data();
        xlsx.worksheet_data_validation_range(sheet, 1, col, lastRow, col, &validation);
    }

    void fitRows() const {
        for (const auto& [sheet, rows] : lines)
            for (const auto& [row, count] : rows)
                if (count > 1)
                    xlsx.worksheet_set_row(sheet, row, 15.0 * count, nullptr);
    }

    // The header row with column widths; printed landscape, one page wide, the header on every page.
    lxw_col_t headers(lxw_worksheet* sheet,
                      std::initializer_list<std::pair<const char*, double>> columns) const {
        lxw_col_t col = 0;
        for (const auto& [name, width] : columns) {
            xlsx.worksheet_write_string(sheet, 0, col, name, f.header);
            xlsx.worksheet_set_column(sheet, col, col, width, nullptr);
            widths[sheet].push_back(width);
            ++col;
        }
        xlsx.worksheet_freeze_panes(sheet, 1, 0);
        xlsx.worksheet_set_landscape(sheet);
        xlsx.worksheet_set_paper(sheet, paper);
        xlsx.worksheet_fit_to_pages(sheet, 1, 0);
        xlsx.worksheet_repeat_rows(sheet, 0, 0);
        return col;
    }
};

// Sheet 1: every answer.
void writeAnswersSheet(const SheetWriter& w, lxw_workbook* book, const ReportData& data) {
    const XlsxWriter& xlsx = w.xlsx;
    const Model& model = *data.model;
    lxw_worksheet* answers = xlsx.workbook_add_worksheet(book, "Answers");
    const lxw_col_t answerCols = w.headers(answers, {{"Dimension", 26},
                                                     {"Id", 8},
                                                     {"Question", 60},
                                                     {"Current", 9},
                                                     {"Current level", 14},
                                                     {"N/A", 6},
                                                     {"Target", 9},
                                                     {"Target level", 14},
                                                     {"Gap", 7},
                                                     {"Confidence", 11},
                                                     {"Notes and evidence", 70},
                                                     {"Evidence files", 9},
                                                     {"Evidence", 40}});
    lxw_row_t row = 1;
    for (const auto& qr : data.scores.questions) {
        const Answer* a = data.consensusAnswer(qr.question->id);
        w.text(answers, row, 0, qr.dimension->title, w.f.wrap);
        w.text(answers, row, 1, qr.question->id, w.f.wrap);
        w.text(answers, row, 2, qr.question->text, w.f.wrap);
        writeOptional(xlsx, answers, row, 3, qr.answer.current, w.f.levelInput);
        w.levelNameFormula(answers, row, 4, 3, model,
                           qr.answer.current ? model.levelLabel(*qr.answer.current) : std::string());
        xlsx.worksheet_write_string(answers, row, 5, qr.answer.notApplicable ? "yes" : "", w.f.wrap);
        const std::optional<double> target =
            qr.answer.current ? std::optional<double>(qr.effectiveTarget()) : std::nullopt;
        writeOptional(xlsx, answers, row, 6, target, w.f.levelInput);
        w.levelNameFormula(answers, row, 7, 6, model, target ? model.levelLabel(*target) : std::string());
        w.gapFormula(answers, row, 8, 3, 6,
                     target ? std::optional<double>(*target - *qr.answer.current) : std::nullopt, w.f.level);
        xlsx.worksheet_write_string(answers, row, 9, a ? std::string(toString(a->confidence)).c_str() : "",
                                    w.f.wrap);
        w.text(answers, row, 10, a ? a->note : std::string(), w.f.wrap);
        const auto evidence = evidenceFor(data.evidence, qr.question->id);
        xlsx.worksheet_write_number(answers, row, 11, static_cast<double>(evidence.size()), nullptr);
        w.text(answers, row, 12, evidenceLabels(evidence), w.f.wrap);
        ++row;
    }
    xlsx.worksheet_autofilter(answers, 0, 0, row - 1, answerCols - 1);
    w.levelValidation(answers, row - 1, 3, model);
    w.levelValidation(answers, row - 1, 6, model);
}

// Sheet 4, in workshop mode: one row per voice and question, for the client's own pivot tables.
void writeVoicesSheet(const SheetWriter& w, lxw_workbook* book, const ReportData& data) {
    const XlsxWriter& xlsx = w.xlsx;
    const Model& model = *data.model;
    std::map<Id, const Participant*> voices;
    for (const auto& p : data.participants)
        if (!p.isDefault)
            voices[p.id] = &p;
    if (voices.empty())
        return;
    lxw_worksheet* sheet = xlsx.workbook_add_worksheet(book, "Voices");
    const lxw_col_t columns = w.headers(sheet, {{"Dimension", 26},
                                                {"Id", 8},
                                                {"Question", 50},
                                                {"Participant", 20},
                                                {"Group", 12},
                                                {"Role", 20},
                                                {"Level", 8},
                                                {"Level name", 14},
                                                {"N/A", 6},
                                                {"Target", 8},
                                                {"Confidence", 11},
                                                {"Notes", 60}});
    lxw_row_t row = 1;
    for (const auto* question : model.allQuestions()) {
        for (const auto& a : data.answers) {
            const auto voice = voices.find(a.participantId);
            if (a.questionId != question->id || voice == voices.end())
                continue;
            const Participant& p = *voice->second;
            w.text(sheet, row, 0, model.dimension(question->dimensionId)->title, w.f.wrap);
            w.text(sheet, row, 1, question->id, w.f.wrap);
            w.text(sheet, row, 2, question->text, w.f.wrap);
            w.text(sheet, row, 3, p.name, w.f.wrap);
            w.text(sheet, row, 4, p.group, w.f.wrap);
            w.text(sheet, row, 5, p.role, w.f.wrap);
            writeOptional(xlsx, sheet, row, 6, a.notApplicable ? std::nullopt : a.current, w.f.level);
            xlsx.worksheet_write_string(sheet, row, 7, a.current ? model.levelLabel(*a.current).c_str() : "",
                                        w.f.wrap);
            xlsx.worksheet_write_string(sheet, row, 8, a.notApplicable ? "yes" : "", w.f.wrap);
            writeOptional(xlsx, sheet, row, 9, a.target, w.f.level);
            xlsx.worksheet_write_string(sheet, row, 10, std::string(toString(a.confidence)).c_str(),
                                        w.f.wrap);
            w.text(sheet, row, 11, a.note, w.f.wrap);
            ++row;
        }
    }
    if (row > 1)
        xlsx.worksheet_autofilter(sheet, 0, 0, row - 1, columns - 1);
}

// Sheet 2: scores per dimension.
void writeScoresSheet(const SheetWriter& w, lxw_workbook* book, const ReportData& data) {
    const XlsxWriter& xlsx = w.xlsx;
    lxw_worksheet* scores = xlsx.workbook_add_worksheet(book, "Dimension scores");
    w.headers(scores, {{"Dimension", 40},
                       {"Weight", 8},
                       {"Score", 9},
                       {"Level", 14},
                       {"Target", 9},
                       {"Target level", 14},
                       {"Gap", 8},
                       {"Answered", 10},
                       {"Questions", 10},
                       {"Complete", 11}});
    lxw_row_t row = 1;
    for (const auto& d : data.scores.dimensions) {
        w.text(scores, row, 0, d.title, w.f.wrap);
        xlsx.worksheet_write_number(scores, row, 1, d.weight, w.f.number);
        writeOptional(xlsx, scores, row, 2, d.current, w.f.number);
        w.text(scores, row, 3, d.currentLabel, w.f.wrap);
        writeOptional(xlsx, scores, row, 4, d.target, w.f.number);
        w.text(scores, row, 5, d.targetLabel, w.f.wrap);
        w.gapFormula(scores, row, 6, 2, 4, d.gap(), w.f.number);
        xlsx.worksheet_write_number(scores, row, 7, static_cast<double>(d.answered), nullptr);
        xlsx.worksheet_write_number(scores, row, 8, static_cast<double>(d.total), nullptr);
        xlsx.worksheet_write_number(scores, row, 9, d.completeness / 100.0, w.f.percent);
        ++row;
    }
    xlsx.worksheet_write_string(scores, row, 0, "Overall", w.f.header);
    writeOptional(xlsx, scores, row, 2, data.scores.overall, w.f.number);
    w.text(scores, row, 3, data.scores.overallLabel, w.f.wrap);
    writeOptional(xlsx, scores, row, 4, data.scores.overallTarget, w.f.number);
    w.text(scores, row, 5, data.scores.overallTargetLabel, w.f.wrap);
}

// Sheet 3: the action plan, one row per action. Saved as CSV after an edit, it reads back with
// `maturity action import`: the headers are the CSV's, dates are text, and the uid column stays.
void writePlanSheet(const SheetWriter& w, lxw_workbook* book, const ReportData& data) {
    const XlsxWriter& xlsx = w.xlsx;
    lxw_worksheet* plan = xlsx.workbook_add_worksheet(book, "Action plan");
    const lxw_col_t planCols = w.headers(plan, {{"Horizon", 14},
                                                {"Priority", 9},
                                                {"Questions", 12},
                                                {"Title", 60},
                                                {"Owner", 22},
                                                {"Due", 12},
                                                {"Status", 12},
                                                {"Late", 6},
                                                {"Note", 50},
                                                {"Uid", 34}});
    lxw_row_t row = 1;
    for (const auto& a : data.actions) {
        const Gap* gap = mostUrgentGap(a, data.gaps);
        std::string questions;
        for (const auto& q : a.questionIds)
            questions += (questions.empty() ? "" : " ") + q;
        const std::string horizon = gap ? std::string(horizonTitle(gap->horizon)) + " (" +
                                              std::string(horizonPeriod(gap->horizon)) + ")"
                                        : std::string("no gap left");
        w.text(plan, row, 0, horizon, w.f.wrap);
        if (gap)
            xlsx.worksheet_write_number(plan, row, 1, gap->priority, w.f.number);
        w.text(plan, row, 2, questions, w.f.wrap);
        w.text(plan, row, 3, a.title, w.f.input);
        w.text(plan, row, 4, a.owner, w.f.input);
        w.text(plan, row, 5, a.due, w.f.input);
        w.text(plan, row, 6, std::string(toString(a.status)), w.f.input);
        xlsx.worksheet_write_string(plan, row, 7, isLate(a, data.today) ? "yes" : "no", w.f.wrap);
        w.text(plan, row, 8, a.note, w.f.input);
        w.text(plan, row, 9, a.uid, w.f.wrap);
        ++row;
    }
    if (row > 1)
        xlsx.worksheet_autofilter(plan, 0, 0, row - 1, planCols - 1);
    // Status from a list, on the plan's rows and on rows a client adds below them.
    std::array<std::string, 4> statusNames{};
    std::array<char*, 5> statusList{};
    for (std::size_t i = 0; i < statusNames.size(); ++i) {
        statusNames[i] = std::string(toString(static_cast<ActionStatus>(i)));
        statusList[i] = statusNames[i].data();
    }
    lxw_data_validation status{};
    status.validate = LXW_VALIDATION_TYPE_LIST;
    status.value_list = statusList.data();
    std::string statusTitle = "Status";
    std::string statusMessage = "The status is one of: " + std::string(kActionStatuses) + ".";
    status.error_title = statusTitle.data();
    status.error_message = statusMessage.data();
    xlsx.worksheet_data_validation_range(plan, 1, 6, row - 1 + 100, 6, &status); // 100 rows to add

    // The gaps no open action serves yet, ranked: what the plan still has to cover.
    const std::set<std::string> served = questionsServed(data.actions);
    lxw_worksheet* open = xlsx.workbook_add_worksheet(book, "Gaps without action");
    const lxw_col_t openCols = w.headers(open, {{"Rank", 6},
                                                {"Horizon", 14},
                                                {"Dimension", 26},
                                                {"Id", 8},
                                                {"Question", 50},
                                                {"Current", 9},
                                                {"Target", 9},
                                                {"Gap", 7},
                                                {"Priority", 9},
                                                {"Next step", 70}});
    row = 1;
    for (std::size_t rank = 0; rank < data.gaps.size(); ++rank) {
        const Gap& g = data.gaps[rank];
        if (served.contains(g.questionId))
            continue;
        const std::string horizon =
            std::string(horizonTitle(g.horizon)) + " (" + std::string(horizonPeriod(g.horizon)) + ")";
        xlsx.worksheet_write_number(open, row, 0, static_cast<double>(rank + 1), nullptr);
        w.text(open, row, 1, horizon, w.f.wrap);
        w.text(open, row, 2, g.dimensionTitle, w.f.wrap);
        w.text(open, row, 3, g.questionId, w.f.wrap);
        w.text(open, row, 4, g.questionText, w.f.wrap);
        xlsx.worksheet_write_number(open, row, 5, g.current, w.f.level);
        xlsx.worksheet_write_number(open, row, 6, g.target, w.f.level);
        w.gapFormula(open, row, 7, 5, 6, g.gap, w.f.level);
        xlsx.worksheet_write_number(open, row, 8, g.priority, w.f.number);
        w.text(open, row, 9, g.recommendation, w.f.wrap);
        ++row;
    }
    if (row > 1)
        xlsx.worksheet_autofilter(open, 0, 0, row - 1, openCols - 1);
}

void setProperties(const XlsxWriter& xlsx, lxw_workbook* book, const ReportData& data,
                   const ReportOptions& options) {
    lxw_doc_properties properties{};
    // The C API takes non-const strings but only reads them.
    std::string title = data.client.name + " - " + data.info.title;
    std::string subject = "IT/OT convergence maturity assessment of " + data.info.date;
    std::string author = data.info.assessor;
    std::string company = options.branding.consultancy.toStdString();
    std::string keywords = "maturity, IT/OT convergence, " + data.model->title;
    std::string comments = "Written by Maturity Workbench";
    properties.title = title.data();
    properties.subject = subject.data();
    properties.author = author.data();
    if (!company.empty())
        properties.company = company.data();
    properties.keywords = keywords.data();
    properties.comments = comments.data();
    xlsx.workbook_set_properties(book, &properties);
}

} // namespace

Result<void> writeXlsx(const ReportData& data, const QString& path, const ReportOptions& options) {
    const auto& loaded = xlsxWriter();
    if (!loaded)
        return fail(path.toStdString() + ": " + loaded.error().message);
    const XlsxWriter& xlsx = *loaded;
    // Build beside the target, then rename: a failed export never leaves half a workbook.
    const QString temporary = path + QStringLiteral(".part");
    {
        Workbook book(xlsx, QFile::encodeName(temporary).toStdString());
        if (!book)
            return fail(path.toStdString() +
                        ": cannot create the workbook (check the folder exists and is writable)");
        const SheetWriter writer{xlsx,
                                 addFormats(xlsx, book.get(), *data.model),
                                 options.pageSize == QPageSize::Letter ? std::uint8_t{1} : std::uint8_t{9},
                                 {},
                                 {}};
        writeAnswersSheet(writer, book.get(), data);
        writeScoresSheet(writer, book.get(), data);
        writePlanSheet(writer, book.get(), data);
        writeVoicesSheet(writer, book.get(), data);
        writer.fitRows();
        setProperties(xlsx, book.get(), data, options);
        if (lxw_error error = book.close(); error != LXW_NO_ERROR) {
            QFile::remove(temporary);
            return fail(path.toStdString() + ": cannot write the workbook (" + xlsx.lxw_strerror(error) +
                        ")");
        }
    }
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(temporary).toStdString(), QFile::encodeName(path).toStdString(),
                            ec);
    if (ec) {
        QFile::remove(temporary);
        return fail(path.toStdString() + ": cannot write (" + ec.message() + ")");
    }
    return {};
}

} // namespace mw
