#pragma once
// The password of a sealed bundle: asked twice when sealing (a typo would lock the file for good), once
// when opening, and again with the reason when it did not open the file.
#include "core/sealed_bundle.hpp"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mw::ui {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Purpose { Seal, Open };
    PasswordDialog(Purpose purpose, const QString& fileName, QWidget* parent = nullptr);
    // Why the dialog is asked again, e.g. the last password did not open the file.
    void setProblem(const QString& problem);
    // Takes the password out of the dialog's fields, which are cleared.
    Secret takePassword();

private:
    void validate();

    Purpose purpose_;
    QLineEdit* password_;
    QLineEdit* repeat_ = nullptr;
    QLabel* problem_;
    QPushButton* ok_ = nullptr;
};

} // namespace mw::ui
