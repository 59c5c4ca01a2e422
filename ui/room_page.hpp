#pragma once
// The perception gap: each group's view of the same organisation, where it disagrees, and by how much.
#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace mw::ui {

class AssessmentDocument;
class RadarWidget;

// One outline per group on the radar, a heat map of dimensions by group, and the questions the room
// disagrees on most, each with every group's level. Follows the open assessment as voices are given.
class RoomPage : public QWidget {
    Q_OBJECT
public:
    explicit RoomPage(QWidget* parent = nullptr);
    void setDocument(AssessmentDocument* document);
    QTableWidget* heatMap() const { return heatMap_; }
    QTableWidget* disagreements() const { return disagreements_; }
    QLabel* summary() const { return summary_; }
    RadarWidget* radar() const { return radar_; }

private:
    void refresh();

    QPointer<AssessmentDocument> document_;
    RadarWidget* radar_;
    QLabel* summary_;
    QTableWidget* heatMap_;
    QTableWidget* disagreements_;
};

} // namespace mw::ui
