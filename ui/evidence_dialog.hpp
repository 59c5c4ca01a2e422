#pragma once
// What a piece of evidence is: its title, the date it speaks for, who supplied it and the questions it
// backs. The same dialog attaches a new file and amends one already attached; it checks the fields against
// the model before it closes, so nothing refused reaches the database.
#include "core/evidence.hpp"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace mw::ui {

class EvidenceDialog : public QDialog {
    Q_OBJECT
public:
    // `evidence` holds the fields to start from (a new file: its name as the title, the question in
    // discussion); `voices` are offered as who supplied it.
    EvidenceDialog(const Model& model, const Evidence& evidence, const QStringList& voices,
                   const QString& heading, QWidget* parent = nullptr);
    // The fields as given: title, date, supplier and questions (empty: the assessment as a whole).
    EvidenceEdit fields() const;
    QStringList checkedQuestions() const;

    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void filterQuestions(const QString& text);

    const Model& model_;
    Evidence evidence_;
    QLineEdit* title_;
    QLineEdit* validOn_;
    QComboBox* suppliedBy_;
    QLineEdit* questionFilter_;
    QListWidget* questions_;
    QLabel* problem_;
};

} // namespace mw::ui
