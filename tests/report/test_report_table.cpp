// The painted report tables: row heights follow the wrapped text, the first row carries the header, and the
// word-processor HTML keeps user text as data.
#include "report/report_table.hpp"

#include <catch2/catch.hpp>

#include <QImage>

using namespace mw;

namespace {

// A paint device with the PDF's resolution, so that sizes are in the same units as in a report.
QImage printDevice() {
    QImage image(10, 10, QImage::Format_RGB32);
    const int dotsPerMetre = qRound(300 / 0.0254);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    return image;
}

QFont tableFont() {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    return font;
}

ReportTable twoColumns(const QString& secondRowText) {
    ReportTable table;
    table.headers = {"Name", "Group"};
    table.widthPercents = {50, 50};
    table.rows = {{{"Short"}, {"IT"}}, {{secondRowText}, {"OT"}}};
    return table;
}

} // namespace

TEST_CASE("a painted table row grows with its wrapped text, and the first row carries the header",
          "[report][table]") {
    const QImage device = printDevice();
    const QString longText = QString("Operations and engineering representative ").repeated(8);
    TablePainter rows(twoColumns(longText), tableFont());
    const double width = 2000; // about 17 cm at 300 dpi
    const double header = rows.headerHeight(width, &device);
    const double first = rows.rowHeight(0, width, &device);
    const double second = rows.rowHeight(1, width, &device);
    CHECK(header > 0);
    CHECK(first > header);
    const double oneLine = first - header;
    CHECK(second > 3 * oneLine); // eight repeats of the phrase wrap onto several lines
    CHECK(rows.rowHeight(1, 2 * width, &device) < second);      // a wider table needs fewer lines
    CHECK(rows.rowHeight(1, width, &device) == Approx(second)); // the layout is kept for drawing
}

TEST_CASE("a table without headers has no header row", "[report][table]") {
    const QImage device = printDevice();
    ReportTable table = twoColumns("Also short");
    table.headers.clear();
    TablePainter rows(table, tableFont());
    CHECK_FALSE(rows.hasHeader());
    CHECK(rows.headerHeight(2000, &device) == 0);
    CHECK(rows.rowHeight(0, 2000, &device) == Approx(rows.rowHeight(1, 2000, &device)));
}

TEST_CASE("the word-processor table keeps user text as data", "[report][table][escaping]") {
    ReportTable table = twoColumns("<b>x</b> & <img src=\"file:///etc/passwd\">");
    table.rows[0][0].bold = true;
    table.rows[1][1].tone = TableCell::Tone::Bad;
    const QString html = table.toHtml(ReportTable::CellShading::None);
    CHECK(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=&quot;file:///etc/passwd&quot;&gt;"));
    CHECK_FALSE(html.contains("<img"));
    CHECK(html.contains("<b>Short</b>"));
    CHECK(html.contains("color:#b3261e"));
    CHECK(html.contains("<th width=\"50%\">Name</th>"));
    CHECK_FALSE(html.contains("bgcolor"));
    // Qt's own layout (the PDF's fallback) shades whole cells.
    CHECK(table.toHtml(ReportTable::CellShading::Cells)
              .contains("<th bgcolor=\"#dce6f0\" width=\"50%\">Name</th>"));
}
