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

} // namespace mw
