#pragma once
#include "report/radar.hpp"

#include <QWidget>

namespace mw::ui {

// Paints a RadarChart with the same renderer as the PDF report, in the window's palette.
class RadarWidget : public QWidget {
    Q_OBJECT
public:
    explicit RadarWidget(QWidget* parent = nullptr);
    void setChart(RadarChart chart);
    const RadarChart& chart() const { return chart_; }
    QSize sizeHint() const override { return {520, 440}; }
    QSize minimumSizeHint() const override { return {260, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    RadarChart chart_;
};

} // namespace mw::ui
