#pragma once
// Answers the workbench's password dialogs in a test, as a user typing them would.
#include "password_dialog.hpp"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStringList>
#include <QTimer>

namespace mw::ui::test_support {

// Answers every password dialog that comes up with the next password in the list (cancels when there is
// none left), and keeps what each one said.
struct PasswordTyper {
    QStringList passwords;
    QStringList problems;
    int asked = 0;
    QTimer timer;
    explicit PasswordTyper(QStringList typed)
        : passwords(std::move(typed)) {
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                problems << "message: " + box->text();
                box->reject();
                return;
            }
            auto* dialog = qobject_cast<PasswordDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            ++asked;
            problems << dialog->findChild<QLabel*>("passwordProblem")->text();
            if (passwords.isEmpty()) {
                dialog->reject();
                return;
            }
            const QString password = passwords.takeFirst();
            for (auto* field : dialog->findChildren<QLineEdit*>())
                field->setText(password);
            dialog->accept();
        });
        timer.start();
    }
};

} // namespace mw::ui::test_support
