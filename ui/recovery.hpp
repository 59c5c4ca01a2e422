#pragma once
#include <QString>

namespace mw::ui {

class Workspace;

// A database that cannot be opened gets a choice, never a crash: restore its newest good backup (when
// there is one), open another file, create a new one, or quit. False when the user quits.
bool openWithRecovery(Workspace& workspace, QString path);

} // namespace mw::ui
