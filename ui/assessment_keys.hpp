#pragma once
// The workshop keyboard: one set of keys for the editor and presenter mode.
#include <QString>

class QKeyEvent;

namespace mw::ui {

class AssessmentDocument;

enum class KeyAction {
    None,
    Level,
    Target,
    NotApplicable,
    Next,
    Previous,
    Find,
    Notes,
    PreviousVoice,
    NextVoice,
    Consensus,
    TakeSuggestion,
    Confidence
};

struct KeyCommand {
    KeyAction action = KeyAction::None;
    int level = 0; // index into the scale for Level and Target; 0-2 low to high for Confidence
};

// Maps a key press to a command. Digits pick a level; Alt+digit the target; N toggles not applicable;
// Enter / Page Down move on, Page Up back; Ctrl+F finds a question; E goes to the notes (editor only);
// Left / Right move between the voices, C back to the consensus, S takes the suggested consensus;
// L, M and H set the confidence.
KeyCommand keyCommand(const QKeyEvent& event);
// Carries out a command on the document's current question. Returns false for None.
bool runKeyCommand(const KeyCommand& command, AssessmentDocument& document);
QString keyHelpText();

} // namespace mw::ui
