#include "evidence_dialog.hpp"

#include "platform/qt_text.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
constexpr int kQuestionIdRole = Qt::UserRole;
}

EvidenceDialog::EvidenceDialog(const Model& model, const Evidence& evidence, const QStringList& voices,
                               const QString& heading, QWidget* parent)
    : QDialog(parent)
    , model_(model)
    , evidence_(evidence)
    , title_(new QLineEdit(q(evidence.title), this))
    , validOn_(new QLineEdit(q(evidence.validOn), this))
    , suppliedBy_(new QComboBox(this))
    , questionFilter_(new QLineEdit(this))
    , questions_(new QListWidget(this))
    , problem_(new QLabel(this)) {
    setObjectName("evidenceDialog");
    setWindowTitle(heading);
    title_->setObjectName("evidenceTitle");
    validOn_->setObjectName("evidenceValidOn");
    validOn_->setPlaceholderText(tr("YYYY-MM-DD, or empty"));
    suppliedBy_->setObjectName("evidenceSuppliedBy");
    suppliedBy_->setEditable(true); // anyone: a voice in the room, or the client's plant manager by email
    suppliedBy_->addItem(QString());
    suppliedBy_->addItems(voices);
    suppliedBy_->setCurrentText(q(evidence.suppliedBy));
    questionFilter_->setObjectName("evidenceQuestionFilter");
    questionFilter_->setPlaceholderText(tr("Filter the questions: an id or words…"));
    questions_->setObjectName("evidenceQuestions");
    questions_->setUniformItemSizes(false);
    questions_->setWordWrap(true);
    for (const auto& dimension : model.dimensions) {
        auto* header = new QListWidgetItem(q(dimension.title), questions_);
        header->setFlags(Qt::ItemIsEnabled);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        for (const auto& question : dimension.questions) {
            auto* item = new QListWidgetItem(q(question.id) + " — " + q(question.text), questions_);
            item->setData(kQuestionIdRole, q(question.id));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(evidence.supports(question.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    problem_->setObjectName("evidenceProblem");
    problem_->setWordWrap(true);
    problem_->setTextFormat(Qt::PlainText);
    QPalette warning = problem_->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    problem_->setPalette(warning);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), title_);
    form->addRow(tr("&Valid on:"), validOn_);
    form->addRow(tr("&Supplied by:"), suppliedBy_);
    if (!evidence.fileName.empty()) {
        auto* file = new QLabel(q(evidence.fileName), this);
        file->setTextFormat(Qt::PlainText);
        file->setWordWrap(true);
        form->insertRow(0, tr("File:"), file);
    }
    auto* backs =
        new QLabel(tr("&Backs these questions (none ticked: the assessment as a whole; Space ticks):"), this);
    backs->setBuddy(questionFilter_);
    backs->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &EvidenceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(questionFilter_, &QLineEdit::textChanged, this, &EvidenceDialog::filterQuestions);
    // Enter in the filter goes into the list (Tab does too) rather than closing the dialog, so the
    // questions are ticked without the mouse.
    questionFilter_->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(backs);
    layout->addWidget(questionFilter_);
    layout->addWidget(questions_, 1);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    problem_->hide();
    title_->setFocus();
    title_->selectAll();
    // The first ticked question in view, so the list opens where it matters.
    for (int row = 0; row < questions_->count(); ++row)
        if (questions_->item(row)->checkState() == Qt::Checked) {
            questions_->setCurrentRow(row);
            questions_->scrollToItem(questions_->item(row), QAbstractItemView::PositionAtCenter);
            break;
        }
    resize(720, 560);
}

bool EvidenceDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == questionFilter_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            questions_->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void EvidenceDialog::filterQuestions(const QString& text) {
    const QString wanted = text.trimmed();
    for (int row = 0; row < questions_->count(); ++row) {
        QListWidgetItem* item = questions_->item(row);
        const bool header = !(item->flags() & Qt::ItemIsUserCheckable);
        item->setHidden(!wanted.isEmpty() && (header || !item->text().contains(wanted, Qt::CaseInsensitive)));
    }
    // Space ticks the current question: it must be one in view, else the key would tick nothing visible.
    if (QListWidgetItem* current = questions_->currentItem(); current && !current->isHidden())
        return;
    for (int row = 0; row < questions_->count(); ++row)
        if (auto* item = questions_->item(row);
            !item->isHidden() && item->flags() & Qt::ItemIsUserCheckable) {
            questions_->setCurrentItem(item);
            return;
        }
}

QStringList EvidenceDialog::checkedQuestions() const {
    QStringList ids;
    for (int row = 0; row < questions_->count(); ++row)
        if (questions_->item(row)->checkState() == Qt::Checked)
            ids << questions_->item(row)->data(kQuestionIdRole).toString();
    return ids;
}

EvidenceEdit EvidenceDialog::fields() const {
    EvidenceEdit edit;
    edit.title = s(title_->text().trimmed());
    edit.validOn = s(validOn_->text().trimmed());
    edit.suppliedBy = s(suppliedBy_->currentText().trimmed());
    std::vector<std::string> ids;
    for (const auto& id : checkedQuestions())
        ids.push_back(s(id));
    edit.questionIds = std::move(ids);
    return edit;
}

void EvidenceDialog::accept() {
    if (auto problem = checkEvidence(model_, applied(evidence_, fields()))) {
        problem_->setText(q(*problem));
        problem_->show();
        return;
    }
    QDialog::accept();
}

} // namespace mw::ui
