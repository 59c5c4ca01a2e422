#pragma once
#include "core/assessment.hpp"
#include "core/csv.hpp"
#include "core/model.hpp"

#include <string>
#include <vector>

namespace mw {

// RFC 4180 CSV of every answer, one row per question and participant, in model order.
std::string answersCsv(const Model& model, const std::vector<Answer>& answers,
                       const std::vector<Participant>& participants);

} // namespace mw
