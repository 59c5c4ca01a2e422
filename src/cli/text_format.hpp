#pragma once
// How the CLI's text output writes numbers and assessments.
#include "core/assessment.hpp"
#include "core/model.hpp"
#include "platform/qt_text.hpp"

#include <QString>

#include <optional>

namespace mw::cli {

inline QString number(std::optional<double> value) {
    return value ? q(formatNumber(*value)) : QStringLiteral("-");
}
// Scores in tables: two fixed decimals so that the columns line up.
inline QString fixed(std::optional<double> value) {
    return value ? QString::number(*value, 'f', 2) : QStringLiteral("-");
}
inline QString heading(const AssessmentInfo& info) {
    return q(info.clientName + " - " + info.title + " (" + info.date + ", #" + std::to_string(info.id) + ")");
}

} // namespace mw::cli
