#pragma once
// Settings that both front doors honour, kept in the platform's settings store (QSettings). The report
// library never reads them: the CLI and the workbench load them here and pass them in.
#include <QString>

namespace mw {

struct SavedBranding {
    QString consultancy; // shown on the cover and in the running header
    QString logoPath;    // PNG/JPEG/SVG
};

SavedBranding savedBranding();
void saveBranding(const SavedBranding& branding);

} // namespace mw
