#include "password_dialog.hpp"

#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
QLineEdit* passwordField(QWidget* parent, const QString& objectName, const QString& accessibleName) {
    auto* field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setEchoMode(QLineEdit::Password);
    field->setAccessibleName(accessibleName);
    field->setMinimumWidth(field->fontMetrics().averageCharWidth() * 32);
    return field;
}
} // namespace

PasswordDialog::PasswordDialog(Purpose purpose, const QString& fileName, QWidget* parent)
    : QDialog(parent)
    , purpose_(purpose)
    , password_(passwordField(this, "bundlePassword", tr("Password"))) {
    const bool sealing = purpose == Purpose::Seal;
    setWindowTitle(sealing ? tr("Seal the bundle") : tr("Open a sealed bundle"));
    auto* intro = new QLabel(
        sealing ? tr("<b>%1</b> will be encrypted.<br>Anyone with the file and this password can read every "
                     "answer and note in it. Send the password another way than the file. It cannot be "
                     "recovered.")
                      .arg(fileName.toHtmlEscaped())
                : tr("<b>%1</b> is sealed.<br>Type the password it was sealed with.")
                      .arg(fileName.toHtmlEscaped()),
        this);
    intro->setTextFormat(Qt::RichText);
    intro->setWordWrap(true);
    // Wide enough for a suggested file name on one line, so it reads as a name and not as a sentence.
    QFont bold = intro->font();
    bold.setBold(true);
    intro->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(fileName) + 24);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    problem_ = new QLabel(this);
    problem_->setObjectName("passwordProblem");
    problem_->setWordWrap(true);
    problem_->setTextFormat(Qt::PlainText);
    problem_->setStyleSheet(QStringLiteral("font-weight: bold"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Password:"), password_);
    if (sealing) {
        repeat_ = passwordField(this, "bundlePasswordAgain", tr("Password again"));
        form->addRow(tr("&Again:"), repeat_);
        connect(repeat_, &QLineEdit::textChanged, this, &PasswordDialog::validate);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(sealing ? tr("Seal and write") : tr("Open"));
    connect(password_, &QLineEdit::textChanged, this, &PasswordDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    validate();
    password_->setFocus();
}

void PasswordDialog::setProblem(const QString& problem) {
    problem_->setText(problem);
    password_->selectAll();
    password_->setFocus();
}

void PasswordDialog::validate() {
    const QString password = password_->text();
    QString problem;
    if (purpose_ == Purpose::Seal) {
        if (!password.isEmpty() &&
            password.toUtf8().size() < static_cast<qsizetype>(kMinimumSealPasswordLength))
            problem = tr("At least %1 characters.").arg(kMinimumSealPasswordLength);
        else if (!repeat_->text().isEmpty() && repeat_->text() != password)
            problem = tr("The two passwords differ.");
    }
    if (!problem.isEmpty() || purpose_ == Purpose::Seal)
        problem_->setText(problem);
    const bool complete = purpose_ == Purpose::Open
                              ? !password.isEmpty()
                              : problem.isEmpty() && !password.isEmpty() && repeat_->text() == password;
    ok_->setEnabled(complete);
}

Secret PasswordDialog::takePassword() {
    Secret secret(password_->text().toStdString());
    password_->clear();
    if (repeat_)
        repeat_->clear();
    return secret;
}

} // namespace mw::ui
