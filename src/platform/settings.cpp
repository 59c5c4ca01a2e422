#include "platform/settings.hpp"

#include <QSettings>

namespace mw {

SavedBranding savedBranding() {
    QSettings settings;
    return {settings.value("report/consultancy").toString(), settings.value("report/logo").toString()};
}

void saveBranding(const SavedBranding& branding) {
    QSettings settings;
    settings.setValue("report/consultancy", branding.consultancy);
    settings.setValue("report/logo", branding.logoPath);
}

SavedHouseStyles savedHouseStyles() {
    QSettings settings;
    return {settings.value("report/houseStyleDocx").toString(),
            settings.value("report/houseStyleOdt").toString()};
}

void saveHouseStyles(const SavedHouseStyles& styles) {
    QSettings settings;
    settings.setValue("report/houseStyleDocx", styles.docx);
    settings.setValue("report/houseStyleOdt", styles.odt);
}

bool savedLetterPaper() {
    return QSettings().value("report/paper").toString() == QLatin1String("Letter");
}

void saveLetterPaper(bool letter) {
    QSettings().setValue("report/paper", letter ? QStringLiteral("Letter") : QStringLiteral("A4"));
}

EvidenceLimits savedEvidenceLimits() {
    QSettings settings;
    const EvidenceLimits defaults;
    // Kept in whole MiB: what the settings dialog and `maturity evidence limits` show.
    auto mebibytes = [&](const char* key, std::int64_t fallback) {
        bool ok = false;
        const qlonglong value =
            settings.value(key, static_cast<qlonglong>(fallback / kMebibyte)).toLongLong(&ok);
        return ok && value > 0 ? value * kMebibyte : fallback;
    };
    return {mebibytes("evidence/perFileMiB", defaults.perFileBytes),
            mebibytes("evidence/perAssessmentMiB", defaults.perAssessmentBytes)};
}

void saveEvidenceLimits(const EvidenceLimits& limits) {
    QSettings settings;
    settings.setValue("evidence/perFileMiB", static_cast<qlonglong>(limits.perFileBytes / kMebibyte));
    settings.setValue("evidence/perAssessmentMiB",
                      static_cast<qlonglong>(limits.perAssessmentBytes / kMebibyte));
}

} // namespace mw
