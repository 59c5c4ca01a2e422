#pragma once
// The radar chart, painted with QPainter on any paint device: the screen, a PDF page or an image.
#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QStringList>

#include <optional>
#include <vector>

namespace mw {

struct RadarSeries {
    QString name;
    std::vector<std::optional<double>> values; // one per axis; empty = not scored (drawn at the centre)
    QColor color;
    bool filled = true;
    Qt::PenStyle penStyle = Qt::SolidLine;
};

struct RadarRing {
    double value = 0;
    QString label;
};

struct RadarChart {
    QStringList axes;
    std::vector<RadarRing> rings; // the scale's levels, innermost first
    double minValue = 0;
    double maxValue = 5;
    std::vector<RadarSeries> series;
};

struct RadarColors {
    QColor background = Qt::white;
    QColor text = QColor(0x22, 0x2b, 0x36);
    QColor grid = QColor(0xb8, 0xc2, 0xcc);
    QColor ringText = QColor(0x5a, 0x66, 0x73);
    static RadarColors forBackground(const QColor& background, const QColor& text);
    // A series colour as painted on this background: the same hue, lightened on a dark background or
    // darkened on a pale one until it stands at least 3:1 against it (WCAG's figure for graphics).
    QColor seriesColor(const QColor& color) const;
};

// WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);

// The chart in words, for screen readers and for anyone who cannot read the colours: each series with its
// value on every axis.
QString describeRadar(const RadarChart& chart);

// Everything the painter needs, computed without painting so that tests can check the geometry.
struct RadarLayout {
    QPointF centre;
    double radius = 0;
    QFont labelFont;
    std::vector<double> angles;               // radians, axis 0 at the top, clockwise
    std::vector<QRectF> labelRects;           // one per axis, never overlapping, inside the bounds
    std::vector<int> labelAlignments;         // Qt::Alignment flags for each label
    std::vector<std::vector<QPointF>> points; // per series, per axis
    std::vector<QRectF> legendRects;          // per series: swatch and name
    QRectF bounds;

    QPointF pointAt(std::size_t axis, double value, double minValue, double maxValue) const;
};

class RadarRenderer {
public:
    static RadarLayout layout(const RadarChart& chart, const QRectF& bounds, const QFont& font,
                              QPaintDevice* device = nullptr);
    static void paint(QPainter& painter, const RadarChart& chart, const QRectF& bounds, const QFont& font,
                      const RadarColors& colors = {});
};

// Current (and optionally target/baseline) series colours used everywhere, so screen and paper agree.
namespace radar_palette {
inline const QColor current{0x1f, 0x6f, 0xb5};
inline const QColor target{0xe0, 0x7b, 0x1a};
inline const QColor baseline{0x6b, 0x72, 0x80};
// One per group: the Okabe-Ito colours, which stay apart for colour-blind readers, each with its own line
// style so that the outlines also differ in grey print.
inline const QColor groups[] = {{0x00, 0x72, 0xb2}, {0xd5, 0x5e, 0x00}, {0x00, 0x9e, 0x73},
                                {0xcc, 0x79, 0xa7}, {0xe6, 0x9f, 0x00}, {0x56, 0xb4, 0xe9}};
inline const Qt::PenStyle groupLines[] = {Qt::SolidLine, Qt::DashLine, Qt::DashDotLine, Qt::DotLine,
                                          Qt::DashDotDotLine};
} // namespace radar_palette

} // namespace mw
