#include "radar_widget.hpp"

#include <QPainter>

namespace mw::ui {

RadarWidget::RadarWidget(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Radar chart"));
    setAccessibleDescription(describeRadar(chart_));
}

void RadarWidget::setChart(RadarChart chart) {
    chart_ = std::move(chart);
    // What the chart shows, in words: read by screen readers and shown on hover.
    setAccessibleDescription(describeRadar(chart_));
    setToolTip(accessibleDescription());
    update();
}

void RadarWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& p = palette();
    painter.fillRect(rect(), p.color(QPalette::Base));
    if (chart_.axes.size() < 3)
        return;
    QFont font = this->font();
    if (font.pointSizeF() > 0) // presenter mode sizes its font in pixels, to the window
        font.setPointSizeF(std::max(8.0, font.pointSizeF()));
    RadarRenderer::paint(painter, chart_, QRectF(rect()).adjusted(8, 8, -8, -8), font,
                         RadarColors::forBackground(p.color(QPalette::Base), p.color(QPalette::Text)));
}

} // namespace mw::ui
