#pragma once
// Settings that both front doors honour, kept in the platform's settings store (QSettings). The report
// library never reads them: the CLI and the workbench load them here and pass them in.
#include "core/evidence.hpp"

#include <QString>

namespace mw {

struct SavedBranding {
    QString consultancy; // shown on the cover and in the running header
    QString logoPath;    // PNG/JPEG/SVG
};

SavedBranding savedBranding();
void saveBranding(const SavedBranding& branding);

// The house styles the editable reports take (paths of a DOCX/DOTX and an ODT/OTT; empty: ours).
struct SavedHouseStyles {
    QString docx, odt;
};
SavedHouseStyles savedHouseStyles();
void saveHouseStyles(const SavedHouseStyles& styles);

// The paper reports and spreadsheets are laid out for: A4 unless US Letter was chosen.
bool savedLetterPaper();
void saveLetterPaper(bool letter);

// How large an evidence file and an assessment's evidence may be (EvidenceLimits' defaults until changed).
EvidenceLimits savedEvidenceLimits();
void saveEvidenceLimits(const EvidenceLimits& limits);

} // namespace mw
