#include "assessment_keys.hpp"

#include "assessment_document.hpp"

#include <QKeyEvent>

namespace mw::ui {

KeyCommand keyCommand(const QKeyEvent& event) {
    const auto modifiers = event.modifiers() & ~Qt::KeypadModifier;
    const int key = event.key();
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        if (modifiers == Qt::NoModifier)
            return {KeyAction::Level, key - Qt::Key_0};
        if (modifiers == Qt::AltModifier)
            return {KeyAction::Target, key - Qt::Key_0};
        return {};
    }
    if (modifiers == Qt::NoModifier) {
        switch (key) {
        case Qt::Key_N:
            return {KeyAction::NotApplicable, 0};
        case Qt::Key_E:
            return {KeyAction::Notes, 0};
        case Qt::Key_Left:
            return {KeyAction::PreviousVoice, 0};
        case Qt::Key_Right:
            return {KeyAction::NextVoice, 0};
        case Qt::Key_C:
            return {KeyAction::Consensus, 0};
        case Qt::Key_S:
            return {KeyAction::TakeSuggestion, 0};
        case Qt::Key_L:
            return {KeyAction::Confidence, 0};
        case Qt::Key_M:
            return {KeyAction::Confidence, 1};
        case Qt::Key_H:
            return {KeyAction::Confidence, 2};
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_PageDown:
            return {KeyAction::Next, 0};
        case Qt::Key_PageUp:
            return {KeyAction::Previous, 0};
        default:
            return {};
        }
    }
    if (modifiers == Qt::ControlModifier && key == Qt::Key_F)
        return {KeyAction::Find, 0};
    return {};
}

bool runKeyCommand(const KeyCommand& command, AssessmentDocument& document) {
    const Model& model = document.model();
    const std::string& id = document.currentQuestion().id;
    switch (command.action) {
    case KeyAction::Level:
        if (command.level >= static_cast<int>(model.scale.size()))
            return true; // a digit beyond the scale does nothing, quietly
        document.setLevel(id, model.scale[command.level].value);
        return true;
    case KeyAction::Target:
        if (command.level >= static_cast<int>(model.scale.size()))
            return true;
        document.setTarget(id, model.scale[command.level].value);
        return true;
    case KeyAction::NotApplicable: {
        const auto answer = document.answer(id, document.activeVoice());
        document.setNotApplicable(id, !(answer && answer->notApplicable));
        return true;
    }
    case KeyAction::PreviousVoice:
    case KeyAction::NextVoice:
        document.stepVoice(command.action == KeyAction::NextVoice ? 1 : -1);
        return true;
    case KeyAction::Consensus:
        document.setActiveVoice(document.consensusId());
        return true;
    case KeyAction::TakeSuggestion:
        document.takeSuggestedConsensus(id);
        return true;
    case KeyAction::Confidence:
        document.setConfidence(id, command.level == 0   ? mw::Confidence::Low
                                   : command.level == 1 ? mw::Confidence::Medium
                                                        : mw::Confidence::High);
        return true;
    case KeyAction::Next:
        document.next();
        return true;
    case KeyAction::Previous:
        document.previous();
        return true;
    case KeyAction::Find:
    case KeyAction::Notes:
    case KeyAction::None:
        return false;
    }
    return false;
}

QString keyHelpText() {
    return QObject::tr(
        "0–5 current level   ·   Alt+0–5 target   ·   N not applicable   ·   Enter / PgDn next   ·   "
        "PgUp previous   ·   L/M/H confidence   ·   E notes   ·   Esc leave notes   ·   ←/→ voice   ·   "
        "C consensus   ·   S take the suggestion   ·   Tab / Space level cards   ·   Ctrl+F find   ·   "
        "Ctrl+Z undo   ·   "
        "F5 presenter");
}

} // namespace mw::ui
