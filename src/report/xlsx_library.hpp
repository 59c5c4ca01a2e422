#pragma once
// libxlsxwriter, opened when the first spreadsheet is written (see xlsx_library.cpp), and its workbook
// handle. Private to the report library.
#include "core/error.hpp"

#include <xlsxwriter.h>

#include <string>

namespace mw {

// The libxlsxwriter functions the report library calls. The library links OpenSSL, and loading that costs
// every start of the CLI and the workbench about 5 ms; so it is opened when the first spreadsheet is written
// instead of being linked. The pointer types come from the library's own header.
#define MW_XLSX_FUNCTIONS(X)                                                                                 \
    X(format_set_align)                                                                                      \
    X(format_set_bg_color)                                                                                   \
    X(format_set_bold)                                                                                       \
    X(format_set_border)                                                                                     \
    X(format_set_border_color)                                                                               \
    X(format_set_font_color)                                                                                 \
    X(format_set_num_format)                                                                                 \
    X(format_set_text_wrap)                                                                                  \
    X(lxw_strerror)                                                                                          \
    X(workbook_add_format)                                                                                   \
    X(workbook_add_worksheet)                                                                                \
    X(workbook_close)                                                                                        \
    X(workbook_new)                                                                                          \
    X(workbook_set_properties)                                                                               \
    X(worksheet_data_validation_range)                                                                       \
    X(worksheet_autofilter)                                                                                  \
    X(worksheet_fit_to_pages)                                                                                \
    X(worksheet_freeze_panes)                                                                                \
    X(worksheet_repeat_rows)                                                                                 \
    X(worksheet_set_column)                                                                                  \
    X(worksheet_set_landscape)                                                                               \
    X(worksheet_set_paper)                                                                                   \
    X(worksheet_set_row)                                                                                     \
    X(worksheet_write_blank)                                                                                 \
    X(worksheet_write_formula_num)                                                                           \
    X(worksheet_write_formula_str)                                                                           \
    X(worksheet_write_number)                                                                                \
    X(worksheet_write_string)

struct XlsxWriter {
#define MW_XLSX_POINTER(name) decltype(&::name) name = nullptr;
    MW_XLSX_FUNCTIONS(MW_XLSX_POINTER)
#undef MW_XLSX_POINTER
};

// The library's functions, or why they cannot be had. Loaded once; the library stays loaded.
const Result<XlsxWriter>& xlsxWriter();

// libxlsxwriter is a C library; this keeps its handles and error checks in one place.
class Workbook {
public:
    Workbook(const XlsxWriter& xlsx, const std::string& path)
        : xlsx_(xlsx)
        , book_(xlsx.workbook_new(path.c_str())) {}
    ~Workbook() {
        if (book_)
            xlsx_.workbook_close(book_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    explicit operator bool() const { return book_ != nullptr; }
    lxw_workbook* get() { return book_; }
    lxw_error close() {
        lxw_error error = xlsx_.workbook_close(book_);
        book_ = nullptr;
        return error;
    }

private:
    const XlsxWriter& xlsx_;
    lxw_workbook* book_;
};

} // namespace mw
