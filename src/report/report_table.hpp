#pragma once
// Internal to maturity_report: the report's tables. A word processor gets them as real HTML tables (ODT);
// the PDF paints each row itself, because rich-text tables cost more to lay out and draw than the whole
// rest of the report, and split across pages with stray borders.
#include <QColor>
#include <QFont>
#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>

#include <memory>
#include <optional>
#include <vector>

class QPainter;
class QPaintDevice;
class QTextLayout;

namespace mw {

// The report's ink on paper, shared by the tables and the page around them.
namespace report_colors {
inline const QColor text(0x1d, 0x24, 0x2c);
inline const QColor muted(0x5a, 0x66, 0x73);
inline const QColor rule(0xb8, 0xc2, 0xcc);
} // namespace report_colors

struct TableCell {
    enum class Tone { Normal, Muted, Good, Bad };
    QString text; // plain text, never markup
    bool bold = false;
    Tone tone = Tone::Normal;
    int indent = 0; // steps of indentation (the contents' second level)
};

struct ReportTable {
    enum class Style {
        Grid,     // header row, borders and shaded alternate rows
        Plain,    // label/value pairs without lines (the cover)
        Contents, // headings and page numbers
    };
    Style style = Style::Grid;
    QStringList headers;            // empty: no header row
    std::vector<int> widthPercents; // one per column
    std::vector<std::vector<TableCell>> rows;
    std::vector<int> rightAlignedColumns; // figures (scores, levels, page numbers), header included
    bool alignsRight(std::size_t column) const {
        return std::find(rightAlignedColumns.begin(), rightAlignedColumns.end(), static_cast<int>(column)) !=
               rightAlignedColumns.end();
    }

    // Qt keeps a cell's colour in its text format, and its ODF writer writes it there: a word processor
    // would shade the words alone, so the editable report's tables go without (its headers stand out by
    // weight and colour). Qt's own layout shades whole cells.
    enum class CellShading { Cells, None };
    // The table as HTML, with every text escaped.
    // Repeated: the header row repeats on every page the table runs over (a <thead>). Once: it is an ordinary
    // first row, for a header too tall to repeat (the text layout cannot lay out a page that only holds a
    // repeated header).
    enum class HeaderRow { Repeated, Once };
    QString toHtml(CellShading shading = CellShading::Cells, HeaderRow header = HeaderRow::Repeated) const;
};

// Lays out and paints one table row at a time, so that the rows paginate like lines of text. The layouts
// are computed once, when the document asks for a row's size, and reused when it is drawn.
class TablePainter {
public:
    TablePainter(const ReportTable& table, QFont font);
    ~TablePainter();
    TablePainter(const TablePainter&) = delete;
    TablePainter& operator=(const TablePainter&) = delete;

    // Height of row `row` laid out `width` wide for `device`; the first row includes the header row.
    double rowHeight(int row, double width, const QPaintDevice* device);
    double headerHeight(double width, const QPaintDevice* device);
    void paintRow(QPainter& painter, int row, const QRectF& rect);
    // The header above `top`: for a row that opens a page in the middle of the table.
    void paintHeader(QPainter& painter, double left, double top, double width);
    bool hasHeader() const { return !table_.headers.isEmpty(); }
    void setCellText(int row, int column, const QString& text);

private:
    struct Line {
        std::vector<std::shared_ptr<const QTextLayout>> cells;
        double height = 0;
    };
    struct CellLayout {
        std::shared_ptr<const QTextLayout> layout;
        double height = 0;
    };
    Line layoutLine(const std::vector<TableCell>& cells, bool header, double width,
                    const QPaintDevice* device);
    void paintLine(QPainter& painter, const Line& line, const std::vector<TableCell>& cells, bool header,
                   bool shaded, const QRectF& rect) const;
    std::vector<double> columnEdges(double width) const;
    void forgetLayoutsUnless(double width, const QPaintDevice* device);
    double unit(const QPaintDevice* device) const; // device units per point

    ReportTable table_;
    QFont font_;
    double width_ = 0;
    const QPaintDevice* device_ = nullptr;
    QHash<QString, CellLayout> cellLayouts_; // by column, weight, indent and text
    std::optional<Line> header_;
    std::vector<std::optional<Line>> lines_;
};

} // namespace mw
