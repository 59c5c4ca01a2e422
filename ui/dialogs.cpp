#include "dialogs.hpp"

#include "platform/qt_text.hpp"
#include "platform/settings.hpp"
#include "report/house_style.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>

namespace mw::ui {

namespace {

// Each model id's versions, newest first. The newest is picked by its id, so a saved default follows new
// releases; an older one by "id@version", so choosing it really starts an assessment on that version.
void fillModels(QComboBox* combo, const ModelRegistry& models, const QString& selected) {
    std::vector<const Model*> ordered;
    for (const auto& m : models.models())
        ordered.push_back(&m);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Model* a, const Model* b) {
        return a->id != b->id ? a->id < b->id : isNewerVersion(a->version, b->version);
    });
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const Model& m = *ordered[i];
        const bool newest = i == 0 || ordered[i - 1]->id != m.id;
        combo->addItem(q(m.title + " " + m.version), q(newest ? m.id : m.id + "@" + m.version));
    }
    const int index = combo->findData(selected);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

NewAssessmentDialog::NewAssessmentDialog(const std::vector<Client>& clients, const ModelRegistry& models,
                                         QWidget* parent)
    : QDialog(parent)
    , client_(new QComboBox(this))
    , sector_(new QLineEdit(this))
    , title_(new QLineEdit(this))
    , date_(new QDateEdit(QDate::currentDate(), this))
    , assessor_(new QLineEdit(SettingsDialog::defaultAssessor(), this))
    , model_(new QComboBox(this)) {
    setWindowTitle(tr("New assessment"));
    client_->setEditable(true);
    client_->setObjectName("clientCombo");
    client_->lineEdit()->setPlaceholderText(tr("Pick a client or type a new name"));
    for (const auto& c : clients)
        client_->addItem(q(c.name), q(c.sector));
    client_->setCurrentIndex(-1);
    sector_->setPlaceholderText(tr("e.g. Water utility (for a new client)"));
    title_->setObjectName("titleEdit");
    title_->setText(tr("IT/OT convergence baseline"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat("yyyy-MM-dd");
    fillModels(model_, models, SettingsDialog::defaultModel());
    auto* form = new QFormLayout;
    form->addRow(tr("Client:"), client_);
    form->addRow(tr("Sector:"), sector_);
    form->addRow(tr("Title:"), title_);
    form->addRow(tr("Date:"), date_);
    form->addRow(tr("Assessor:"), assessor_);
    form->addRow(tr("Model:"), model_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start assessment"));
    auto validate = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!client_->currentText().trimmed().isEmpty() && !title_->text().trimmed().isEmpty());
    };
    connect(client_, &QComboBox::editTextChanged, this, validate);
    connect(title_, &QLineEdit::textChanged, this, validate);
    connect(client_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            sector_->setText(client_->itemData(index).toString());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    validate();
    resize(520, sizeHint().height());
}

NewAssessmentRequest NewAssessmentDialog::request() const {
    return {client_->currentText().trimmed(), sector_->text().trimmed(),
            title_->text().trimmed(),         date_->date().toString(Qt::ISODate),
            assessor_->text().trimmed(),      model_->currentData().toString()};
}

void NewAssessmentDialog::setRequest(const NewAssessmentRequest& request) {
    client_->setEditText(request.clientName);
    sector_->setText(request.sector);
    title_->setText(request.title);
    if (!request.date.isEmpty())
        date_->setDate(QDate::fromString(request.date, Qt::ISODate));
    assessor_->setText(request.assessor);
    if (const int index = model_->findData(request.modelId); index >= 0)
        model_->setCurrentIndex(index);
}

DetailsDialog::DetailsDialog(const AssessmentInfo& info, QWidget* parent)
    : QDialog(parent)
    , title_(new QLineEdit(q(info.title), this))
    , date_(new QDateEdit(QDate::fromString(q(info.date), Qt::ISODate), this))
    , assessor_(new QLineEdit(q(info.assessor), this)) {
    setWindowTitle(tr("Assessment details"));
    title_->setObjectName("detailsTitle");
    date_->setObjectName("detailsDate");
    date_->setCalendarPopup(true);
    date_->setDisplayFormat("yyyy-MM-dd");
    assessor_->setObjectName("detailsAssessor");
    auto* form = new QFormLayout;
    form->addRow(tr("Client:"), new QLabel(q(info.clientName), this));
    form->addRow(tr("Title:"), title_);
    form->addRow(tr("Date:"), date_);
    form->addRow(tr("Assessor:"), assessor_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(title_, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!title_->text().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

QString DetailsDialog::title() const {
    return title_->text().trimmed();
}
QString DetailsDialog::date() const {
    return date_->date().toString(Qt::ISODate);
}
QString DetailsDialog::assessor() const {
    return assessor_->text().trimmed();
}

ParticipantDialog::ParticipantDialog(const QStringList& groups, QWidget* parent)
    : QDialog(parent)
    , name_(new QLineEdit(this))
    , group_(new QComboBox(this))
    , role_(new QLineEdit(this)) {
    setWindowTitle(tr("Add a participant"));
    name_->setObjectName("participantName");
    group_->setObjectName("participantGroup");
    group_->setEditable(true); // any group the facilitator names: Executive, Vendor, Site B, ...
    QStringList choices{tr("IT"), tr("OT"), tr("Business")};
    for (const auto& g : groups)
        if (!choices.contains(g))
            choices << g;
    group_->addItems(choices);
    role_->setPlaceholderText(tr("Optional, e.g. plant manager"));
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Group:"), group_);
    form->addRow(tr("Role:"), role_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    auto validate = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!name_->text().trimmed().isEmpty() && !group_->currentText().trimmed().isEmpty());
    };
    connect(name_, &QLineEdit::textChanged, this, validate);
    connect(group_, &QComboBox::editTextChanged, this, validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    validate();
}

QString ParticipantDialog::name() const {
    return name_->text().trimmed();
}
QString ParticipantDialog::group() const {
    return group_->currentText().trimmed();
}
QString ParticipantDialog::role() const {
    return role_->text().trimmed();
}

SettingsDialog::SettingsDialog(const ModelRegistry& models, QWidget* parent)
    : QDialog(parent)
    , evidenceImages_(new QCheckBox(tr("Show evidence photos under each question"), this))
    , paper_(new QComboBox(this))
    , roomBind_(new QLineEdit(this))
    , scoresBeforeReveal_(new QCheckBox(tr("Show scores before the reveal in a blind vote"), this))
    , consultancy_(new QLineEdit(this))
    , logo_(new QLineEdit(this))
    , assessor_(new QLineEdit(defaultAssessor(), this))
    , model_(new QComboBox(this))
    , perFile_(new QSpinBox(this))
    , perAssessment_(new QSpinBox(this))
    , docxHouseStyle_(new QLineEdit(this))
    , odtHouseStyle_(new QLineEdit(this)) {
    setWindowTitle(tr("Settings"));
    const SavedBranding branding = savedBranding();
    consultancy_->setText(branding.consultancy);
    consultancy_->setPlaceholderText(tr("Shown on report covers and headers"));
    logo_->setText(branding.logoPath);
    logo_->setPlaceholderText(tr("PNG, JPEG or SVG for the report cover"));
    fillModels(model_, models, defaultModel());
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Logo for reports"), logo_->text(),
                                                          tr("Images (*.png *.jpg *.jpeg *.svg)"));
        if (!file.isEmpty())
            logo_->setText(file);
    });
    auto* logoRow = new QHBoxLayout;
    logoRow->addWidget(logo_, 1);
    logoRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Consultancy name:"), consultancy_);
    form->addRow(tr("Logo:"), logoRow);
    form->addRow(tr("Default assessor:"), assessor_);
    form->addRow(tr("Default model:"), model_);
    evidenceImages_->setChecked(reportEvidenceImages());
    evidenceImages_->setToolTip(tr("PNG, JPEG, GIF, BMP and WebP files, at most 8 by 6 cm each, in the PDF "
                                   "and the ODT; other files are listed by title."));
    form->addRow(tr("Reports:"), evidenceImages_);
    docxHouseStyle_->setObjectName("docxHouseStyle");
    odtHouseStyle_->setObjectName("odtHouseStyle");
    const SavedHouseStyles houseStyles = savedHouseStyles();
    docxHouseStyle_->setText(houseStyles.docx);
    odtHouseStyle_->setText(houseStyles.odt);
    form->addRow(tr("Word house style:"), houseStyleRow(docxHouseStyle_, ReportFormat::Docx));
    form->addRow(tr("ODT house style:"), houseStyleRow(odtHouseStyle_, ReportFormat::Odt));
    paper_->addItem(tr("A4"), false);
    paper_->addItem(tr("US Letter"), true);
    paper_->setCurrentIndex(savedLetterPaper() ? 1 : 0);
    form->addRow(tr("Paper:"), paper_);
    scoresBeforeReveal_->setChecked(presenterScoresBeforeReveal());
    scoresBeforeReveal_->setToolTip(
        tr("Off: while the votes are hidden, presenter mode hides the room's scores too, so no number "
           "anchors the room."));
    form->addRow(tr("Presenter mode:"), scoresBeforeReveal_);
    roomBind_->setText(roomBindAddress() == "0.0.0.0" ? QString() : roomBindAddress());
    roomBind_->setPlaceholderText(tr("Every interface; or one address, such as the room's Wi-Fi"));
    roomBind_->setToolTip(tr("Phones reach the room server on this address. The traffic is not encrypted."));
    form->addRow(tr("Room server address:"), roomBind_);
    // Limits in MB, as the CLI's 'evidence limits' takes them; the database holds what is attached.
    const EvidenceLimits limits = savedEvidenceLimits();
    for (QSpinBox* box : {perFile_, perAssessment_}) {
        box->setRange(1, 1024 * 1024);
        box->setSuffix(tr(" MB"));
    }
    perFile_->setObjectName("evidencePerFile");
    perAssessment_->setObjectName("evidencePerAssessment");
    perFile_->setValue(static_cast<int>(limits.perFileBytes / kMebibyte));
    perAssessment_->setValue(static_cast<int>(limits.perAssessmentBytes / kMebibyte));
    form->addRow(tr("Largest evidence file:"), perFile_);
    form->addRow(tr("Evidence per assessment:"), perAssessment_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        // A house style that no report could take is said now, not at the next export.
        for (auto [edit, format] :
             {std::pair{docxHouseStyle_, ReportFormat::Docx}, std::pair{odtHouseStyle_, ReportFormat::Odt}}) {
            const QString path = edit->text().trimmed();
            if (path.isEmpty())
                continue;
            auto style = readHouseStyle(path);
            const QString problem =
                !style ? q(style.error().message)
                : style->format != format
                    ? tr("%1 is not %2.")
                          .arg(path, format == ReportFormat::Docx ? tr("a Word document (DOCX)")
                                                                  : tr("an ODT document"))
                    : QString();
            if (!problem.isEmpty()) {
                QMessageBox::warning(this, tr("House style"), problem);
                edit->setFocus();
                return;
            }
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

// A house style's path with Browse… and "Save ours…", which writes our house style to start one from.
QLayout* SettingsDialog::houseStyleRow(QLineEdit* edit, ReportFormat format) {
    const bool word = format == ReportFormat::Docx;
    edit->setPlaceholderText(word ? tr("Ours, or your own .docx or .dotx")
                                  : tr("Ours, or your own .odt or .ott"));
    edit->setToolTip(tr("Editable reports take this document's styles, fonts, page, header and footer, and "
                        "fill in their own content. The PDF keeps the report's own look."));
    const QString filter = word ? tr("Word documents (*.docx *.dotx)") : tr("ODT documents (*.odt *.ott)");
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, word] {
        const QString file = QFileDialog::getOpenFileName(
            this, word ? tr("Word house style") : tr("ODT house style"), edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    auto* saveOurs = new QPushButton(tr("Save ours…"), this);
    saveOurs->setToolTip(
        tr("Write the report's own house style, to change in a word processor and choose here"));
    connect(saveOurs, &QPushButton::clicked, this, [this, edit, filter, word, format] {
        QString file =
            QFileDialog::getSaveFileName(this, tr("Save the report's house style"),
                                         word ? tr("house-style.docx") : tr("house-style.odt"), filter);
        if (file.isEmpty())
            return;
        if (QFileInfo(file).suffix().isEmpty())
            file += word ? QStringLiteral(".docx") : QStringLiteral(".odt");
        const auto paper = paper_->currentData().toBool() ? QPageSize::Letter : QPageSize::A4;
        if (auto written = writeDefaultHouseStyle(format, paper, file); !written) {
            QMessageBox::warning(this, tr("House style"), q(written.error().message));
            return;
        }
        edit->setText(file);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    row->addWidget(saveOurs);
    return row;
}

void SettingsDialog::save() const {
    saveBranding({consultancy_->text().trimmed(), logo_->text().trimmed()});
    QSettings settings;
    settings.setValue("assessment/assessor", assessor_->text().trimmed());
    settings.setValue("assessment/model", model_->currentData().toString());
    settings.setValue("presenter/scoresBeforeReveal", scoresBeforeReveal_->isChecked());
    settings.setValue("room/bind", roomBind_->text().trimmed());
    settings.setValue("report/evidenceImages", evidenceImages_->isChecked());
    saveLetterPaper(paper_->currentData().toBool());
    saveHouseStyles({docxHouseStyle_->text().trimmed(), odtHouseStyle_->text().trimmed()});
    EvidenceLimits limits;
    limits.perFileBytes = perFile_->value() * kMebibyte;
    limits.perAssessmentBytes = perAssessment_->value() * kMebibyte;
    saveEvidenceLimits(limits);
}

QString SettingsDialog::roomBindAddress() {
    const QString address = QSettings().value("room/bind").toString().trimmed();
    return address.isEmpty() ? QStringLiteral("0.0.0.0") : address;
}

bool SettingsDialog::reportEvidenceImages() {
    return QSettings().value("report/evidenceImages", false).toBool();
}

bool SettingsDialog::presenterScoresBeforeReveal() {
    return QSettings().value("presenter/scoresBeforeReveal", false).toBool();
}

QString SettingsDialog::defaultAssessor() {
    return QSettings().value("assessment/assessor").toString();
}
QString SettingsDialog::defaultModel() {
    return QSettings()
        .value("assessment/model", QString::fromLatin1(ModelRegistry::defaultModelId.data(),
                                                       ModelRegistry::defaultModelId.size()))
        .toString();
}

} // namespace mw::ui
