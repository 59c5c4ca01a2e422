#include "report/exports.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

#include <filesystem>

namespace mw {

namespace {

// libxlsxwriter is a C library; this keeps its handles and error checks in one place.
class Workbook {
public:
    explicit Workbook(const std::string& path)
        : book_(workbook_new(path.c_str())) {}
    ~Workbook() {
        if (book_)
            workbook_close(book_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    explicit operator bool() const { return book_ != nullptr; }
    lxw_workbook* get() { return book_; }
    lxw_error close() {
        lxw_error error = workbook_close(book_);
        book_ = nullptr;
        return error;
    }

private:
    lxw_workbook* book_;
};

void writeOptional(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::optional<double>& value,
                   lxw_format* format) {
    if (value)
        worksheet_write_number(sheet, row, col, *value, format);
    else
        worksheet_write_blank(sheet, row, col, format);
}

} // namespace

Result<void> writeXlsx(const ReportData& data, const QString& path) {
    const Model& model = *data.model;
    // Build beside the target, then rename: a failed export never leaves half a workbook.
    const QString temporary = path + QStringLiteral(".part");
    {
        Workbook book(QFile::encodeName(temporary).toStdString());
        if (!book)
            return fail(path.toStdString() +
                        ": cannot create the workbook (check the folder exists and is writable)");
        lxw_format* header = workbook_add_format(book.get());
        format_set_bold(header);
        format_set_bg_color(header, 0xDCE6F0);
        format_set_font_color(header, 0x17365D);
        format_set_text_wrap(header);
        format_set_border(header, LXW_BORDER_THIN);
        format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
        lxw_format* wrap = workbook_add_format(book.get());
        format_set_text_wrap(wrap);
        format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
        lxw_format* number = workbook_add_format(book.get());
        format_set_num_format(number, "0.00");
        format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
        lxw_format* input = workbook_add_format(book.get());
        format_set_bg_color(input, 0xFFF8E1);
        format_set_border(input, LXW_BORDER_THIN);
        format_set_border_color(input, 0xD0D7DE);
        lxw_format* date = workbook_add_format(book.get());
        format_set_num_format(date, "yyyy-mm-dd");
        format_set_bg_color(date, 0xFFF8E1);
        format_set_border(date, LXW_BORDER_THIN);
        format_set_border_color(date, 0xD0D7DE);

        auto headers = [&](lxw_worksheet* sheet,
                           std::initializer_list<std::pair<const char*, double>> columns) {
            lxw_col_t col = 0;
            for (const auto& [name, width] : columns) {
                worksheet_write_string(sheet, 0, col, name, header);
                worksheet_set_column(sheet, col, col, width, nullptr);
                ++col;
            }
            worksheet_freeze_panes(sheet, 1, 0);
            // Printed: landscape, one page wide, the header row repeated on every page.
            worksheet_set_landscape(sheet);
            worksheet_fit_to_pages(sheet, 1, 0);
            worksheet_repeat_rows(sheet, 0, 0);
            return col;
        };

        // Sheet 1: every answer.
        lxw_worksheet* answers = workbook_add_worksheet(book.get(), "Answers");
        const lxw_col_t answerCols = headers(answers, {{"Dimension", 26},
                                                       {"Id", 8},
                                                       {"Question", 60},
                                                       {"Current", 9},
                                                       {"Current level", 14},
                                                       {"N/A", 6},
                                                       {"Target", 9},
                                                       {"Target level", 14},
                                                       {"Gap", 7},
                                                       {"Confidence", 11},
                                                       {"Notes and evidence", 70}});
        lxw_row_t row = 1;
        for (const auto& qr : data.scores.questions) {
            const Answer* a = data.consensusAnswer(qr.question->id);
            worksheet_write_string(answers, row, 0, qr.dimension->title.c_str(), wrap);
            worksheet_write_string(answers, row, 1, qr.question->id.c_str(), wrap);
            worksheet_write_string(answers, row, 2, qr.question->text.c_str(), wrap);
            writeOptional(answers, row, 3, qr.answer.current, number);
            worksheet_write_string(
                answers, row, 4, qr.answer.current ? model.levelLabel(*qr.answer.current).c_str() : "", wrap);
            worksheet_write_string(answers, row, 5, qr.answer.notApplicable ? "yes" : "", wrap);
            const std::optional<double> target =
                qr.answer.current ? std::optional<double>(qr.effectiveTarget()) : std::nullopt;
            writeOptional(answers, row, 6, target, number);
            worksheet_write_string(answers, row, 7, target ? model.levelLabel(*target).c_str() : "", wrap);
            writeOptional(answers, row, 8,
                          target ? std::optional<double>(*target - *qr.answer.current) : std::nullopt,
                          number);
            worksheet_write_string(answers, row, 9, a ? std::string(toString(a->confidence)).c_str() : "",
                                   wrap);
            worksheet_write_string(answers, row, 10, a ? a->note.c_str() : "", wrap);
            ++row;
        }
        worksheet_autofilter(answers, 0, 0, row - 1, answerCols - 1);

        // Sheet 2: scores per dimension.
        lxw_worksheet* scores = workbook_add_worksheet(book.get(), "Dimension scores");
        headers(scores, {{"Dimension", 40},
                         {"Weight", 8},
                         {"Score", 9},
                         {"Level", 14},
                         {"Target", 9},
                         {"Target level", 14},
                         {"Gap", 8},
                         {"Answered", 10},
                         {"Questions", 10},
                         {"Complete %", 11}});
        row = 1;
        for (const auto& d : data.scores.dimensions) {
            worksheet_write_string(scores, row, 0, d.title.c_str(), wrap);
            worksheet_write_number(scores, row, 1, d.weight, number);
            writeOptional(scores, row, 2, d.current, number);
            worksheet_write_string(scores, row, 3, d.currentLabel.c_str(), wrap);
            writeOptional(scores, row, 4, d.target, number);
            worksheet_write_string(scores, row, 5, d.targetLabel.c_str(), wrap);
            writeOptional(scores, row, 6, d.gap(), number);
            worksheet_write_number(scores, row, 7, static_cast<double>(d.answered), nullptr);
            worksheet_write_number(scores, row, 8, static_cast<double>(d.total), nullptr);
            worksheet_write_number(scores, row, 9, d.completeness, number);
            ++row;
        }
        worksheet_write_string(scores, row, 0, "Overall", header);
        writeOptional(scores, row, 2, data.scores.overall, number);
        worksheet_write_string(scores, row, 3, data.scores.overallLabel.c_str(), wrap);
        writeOptional(scores, row, 4, data.scores.overallTarget, number);
        worksheet_write_string(scores, row, 5, data.scores.overallTargetLabel.c_str(), wrap);

        // Sheet 3: the action plan, with owner and due date left for the client to fill in.
        lxw_worksheet* plan = workbook_add_worksheet(book.get(), "Action plan");
        const lxw_col_t planCols = headers(plan, {{"Rank", 6},
                                                  {"Horizon", 14},
                                                  {"Dimension", 26},
                                                  {"Id", 8},
                                                  {"Question", 50},
                                                  {"Current", 9},
                                                  {"Target", 9},
                                                  {"Gap", 7},
                                                  {"Priority", 9},
                                                  {"Recommendation", 70},
                                                  {"Owner", 20},
                                                  {"Due date", 12},
                                                  {"Status", 12}});
        row = 1;
        for (const auto& g : data.gaps) {
            const std::string horizon =
                std::string(toString(g.horizon)) + " (" + std::string(horizonPeriod(g.horizon)) + ")";
            worksheet_write_number(plan, row, 0, row, nullptr);
            worksheet_write_string(plan, row, 1, horizon.c_str(), wrap);
            worksheet_write_string(plan, row, 2, g.dimensionTitle.c_str(), wrap);
            worksheet_write_string(plan, row, 3, g.questionId.c_str(), wrap);
            worksheet_write_string(plan, row, 4, g.questionText.c_str(), wrap);
            worksheet_write_number(plan, row, 5, g.current, number);
            worksheet_write_number(plan, row, 6, g.target, number);
            worksheet_write_number(plan, row, 7, g.gap, number);
            worksheet_write_number(plan, row, 8, g.priority, number);
            worksheet_write_string(plan, row, 9, g.recommendation.c_str(), wrap);
            worksheet_write_blank(plan, row, 10, input);
            worksheet_write_blank(plan, row, 11, date);
            worksheet_write_blank(plan, row, 12, input);
            ++row;
        }
        if (row > 1)
            worksheet_autofilter(plan, 0, 0, row - 1, planCols - 1);
        lxw_doc_properties properties{};
        // The C API takes non-const strings but only reads them.
        std::string title = data.client.name + " - " + data.info.title;
        std::string author = data.info.assessor;
        std::string comments = "Written by Maturity Workbench";
        properties.title = title.data();
        properties.author = author.data();
        properties.comments = comments.data();
        workbook_set_properties(book.get(), &properties);
        if (lxw_error error = book.close(); error != LXW_NO_ERROR) {
            QFile::remove(temporary);
            return fail(path.toStdString() + ": cannot write the workbook (" + lxw_strerror(error) + ")");
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
