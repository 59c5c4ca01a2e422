#pragma once
// Attaching files from wherever they come: dropped, chosen in a file dialog, pasted (a screenshot, or files
// copied in the file manager). Shared by the editor, the Evidence page and the main window's menu.
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QMimeData;
class QWidget;

namespace mw::ui {

class AssessmentDocument;

// The room's voices by name, offered as who supplied a file.
QStringList voiceNames(const AssessmentDocument& document);
// The local files a drop or the clipboard carries.
QStringList localFiles(const QMimeData* data);
// Whether the data holds something to attach: local files or an image.
bool canAttach(const QMimeData* data);
// The files to attach from the data: its local files, or its image saved as a PNG in a folder that lasts
// until the workbench closes. Empty when there is nothing (or the image could not be saved: `problem`).
QStringList filesToAttach(const QMimeData* data, QString* problem);

// Asks what the files are (title, date, supplier, questions; `questions` ticked to start with), then
// attaches each off the UI thread. The active voice supplies them unless it is the consensus.
void attachWithDialog(QWidget* parent, AssessmentDocument& document, const QStringList& files,
                      const std::vector<std::string>& questions);
// Attaches at once to these questions with the files' names as titles: the editor's drop and paste.
void attachNow(AssessmentDocument& document, const QStringList& files,
               const std::vector<std::string>& questions);
// Chooses files in a file dialog (starting where the last ones came from), then as attachWithDialog.
void chooseAndAttach(QWidget* parent, AssessmentDocument& document,
                     const std::vector<std::string>& questions);

} // namespace mw::ui
