// The editor's input: finding a question, the keys a facilitator presses (given to the key commands unless
// a text field is being typed in), and files dropped or pasted as evidence on the question in discussion.
#include "assessment_document.hpp"
#include "assessment_keys.hpp"
#include "editor_page.hpp"
#include "evidence_attach.hpp"

#include "platform/qt_text.hpp"

#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QStringListModel>
#include <QTextCursor>

namespace mw::ui {

void EditorPage::connectFind() {
    connect(find_, &QLineEdit::returnPressed, this, [this] {
        if (!document_)
            return;
        const QString text = find_->text().trimmed();
        const auto& questions = document_->questions();
        for (std::size_t i = 0; i < questions.size(); ++i) {
            const QString label = q(questions[i]->id) + " — " + q(questions[i]->text);
            if (label == text || q(questions[i]->id).compare(text, Qt::CaseInsensitive) == 0 ||
                label.contains(text, Qt::CaseInsensitive)) {
                document_->setCurrentIndex(static_cast<int>(i));
                find_->clear();
                // Later, so the Return still travelling up from the find field is not read as "next".
                QTimer::singleShot(0, this, [this] { findChild<QWidget*>("questionPanel")->setFocus(); });
                return;
            }
        }
        noteStatus_->setText(tr("No question matches “%1”").arg(text));
    });
}

void EditorPage::rebuildFindList() {
    QStringList entries;
    for (const auto* question : document_->questions())
        entries << q(question->id) + " — " + q(question->text);
    auto* completer = new QCompleter(entries, find_);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString&) {
        QTimer::singleShot(0, find_, [this] { emit find_->returnPressed(); });
    });
    if (find_->completer())
        find_->completer()->deleteLater();
    find_->setCompleter(completer);
}

void EditorPage::focusFind() {
    find_->setFocus();
    find_->selectAll();
}

void EditorPage::focusQuestion() {
    if (document_)
        findChild<QWidget*>("questionPanel")->setFocus(Qt::OtherFocusReason);
}

void EditorPage::pasteEvidence() {
    QString problem;
    const QStringList files = filesToAttach(QApplication::clipboard()->mimeData(), &problem);
    if (files.isEmpty()) {
        noteStatus_->setText(problem.isEmpty() ? tr("The clipboard holds no file or image to attach.")
                                               : problem);
        return;
    }
    attachNow(*document_, files, {document_->currentQuestion().id});
}

void EditorPage::dragEnterEvent(QDragEnterEvent* event) {
    if (document_ && canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void EditorPage::dropEvent(QDropEvent* event) {
    if (!document_)
        return;
    QString problem;
    const QStringList files = filesToAttach(event->mimeData(), &problem);
    if (files.isEmpty()) {
        noteStatus_->setText(problem);
        return;
    }
    event->acceptProposedAction();
    attachNow(*document_, files, {document_->currentQuestion().id});
}

bool EditorPage::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress || !document_ || !isVisible())
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != window() || !isAncestorOf(widget))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    // A key a text field ignored travels up to its parents; it is still typing, not a command.
    QWidget* focus = QApplication::focusWidget();
    const bool typing = qobject_cast<QPlainTextEdit*>(widget) || qobject_cast<QLineEdit*>(widget) ||
                        qobject_cast<QPlainTextEdit*>(focus) || qobject_cast<QLineEdit*>(focus);
    if (typing) {
        // In a text field only leaving it and paging between questions are ours; the rest is typing.
        if (key->key() == Qt::Key_Escape) {
            findChild<QWidget*>("questionPanel")->setFocus();
            return true;
        }
        if (key->key() != Qt::Key_PageUp && key->key() != Qt::Key_PageDown &&
            !(key->key() == Qt::Key_F && key->modifiers() == Qt::ControlModifier))
            return false;
    }
    if (key->matches(QKeySequence::Paste)) {
        pasteEvidence();
        return true;
    }
    const KeyCommand command = keyCommand(*key);
    if (command.action == KeyAction::Notes) {
        notes_->setFocus(Qt::ShortcutFocusReason);
        notes_->moveCursor(QTextCursor::End);
        return true;
    }
    if (command.action == KeyAction::Find) {
        focusFind();
        return true;
    }
    return runKeyCommand(command, *document_);
}

} // namespace mw::ui
