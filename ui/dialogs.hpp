#pragma once
#include "core/assessment.hpp"
#include "core/model_registry.hpp"
#include "report/house_style.hpp"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace mw::ui {

struct NewAssessmentRequest {
    QString clientName; // an existing client or a new one
    QString sector;     // used when the client is new
    QString title;
    QString date; // YYYY-MM-DD
    QString assessor;
    QString modelId;
};

// Pick or create a client, then title, date, assessor and model.
class NewAssessmentDialog : public QDialog {
    Q_OBJECT
public:
    NewAssessmentDialog(const std::vector<Client>& clients, const ModelRegistry& models,
                        QWidget* parent = nullptr);
    NewAssessmentRequest request() const;
    void setRequest(const NewAssessmentRequest& request); // tests and "start follow-up" prefill

private:
    QComboBox* client_;
    QLineEdit* sector_;
    QLineEdit* title_;
    QDateEdit* date_;
    QLineEdit* assessor_;
    QComboBox* model_;
};

// An open assessment's title, date and assessor, to amend after the workshop.
class DetailsDialog : public QDialog {
    Q_OBJECT
public:
    DetailsDialog(const AssessmentInfo& info, QWidget* parent = nullptr);
    QString title() const;
    QString date() const; // YYYY-MM-DD
    QString assessor() const;

private:
    QLineEdit* title_;
    QDateEdit* date_;
    QLineEdit* assessor_;
};

// A voice for the room: name, group (IT, OT, Business or any other) and an optional role.
class ParticipantDialog : public QDialog {
    Q_OBJECT
public:
    ParticipantDialog(const QStringList& groups, QWidget* parent = nullptr);
    QString name() const;
    QString group() const;
    QString role() const;

private:
    QLineEdit* name_;
    QComboBox* group_;
    QLineEdit* role_;
};

// Consultancy branding for reports, and defaults for new assessments.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const ModelRegistry& models, QWidget* parent = nullptr);
    void save() const;
    static QString defaultAssessor();
    static QString defaultModel();
    // Whether presenter mode shows scores while a blind vote is still hidden; off unless chosen.
    static bool presenterScoresBeforeReveal();
    // The address the room server listens on: one interface, or 0.0.0.0 for every one (the default).
    static QString roomBindAddress();
    // Whether reports show each question's evidence photos under its findings; off unless chosen.
    static bool reportEvidenceImages();

private:
    QCheckBox* evidenceImages_;
    QComboBox* paper_;
    QLineEdit* roomBind_;
    QCheckBox* scoresBeforeReveal_;
    QLineEdit* consultancy_;
    QLineEdit* logo_;
    QLineEdit* assessor_;
    QComboBox* model_;
    QSpinBox* perFile_;
    QSpinBox* perAssessment_;
    QLineEdit* docxHouseStyle_;
    QLineEdit* odtHouseStyle_;
    QLayout* houseStyleRow(QLineEdit* edit, ReportFormat format);
};

} // namespace mw::ui
