#include "evidence_review.hpp"

namespace mw {

EvidenceReview reviewEvidence(const Model& model, const Scorecard& scores,
                              const std::vector<Evidence>& evidence) {
    EvidenceReview review;
    std::map<std::string, const QuestionResult*> results;
    for (const auto& result : scores.questions)
        if (result.question)
            results[result.question->id] = &result;
    for (const auto& dimension : model.dimensions)
        for (const auto& question : dimension.questions) {
            QuestionEvidence row;
            row.question = &question;
            row.dimension = &dimension;
            if (const auto found = results.find(question.id); found != results.end())
                if (!found->second->answer.notApplicable)
                    row.level = found->second->answer.current;
            row.attached = evidenceFor(evidence, question.id);
            row.suggestedMissing = suggestedEvidenceMissing(question, evidence);
            review.missingForLevel += row.missingForLevel() ? 1 : 0;
            review.questionsWithEvidence += row.attached.empty() ? 0 : 1;
            review.questions.push_back(std::move(row));
        }
    for (const auto& e : evidence)
        if (!e.removed() && e.questionIds.empty())
            review.wholeAssessment.push_back(&e);
    return review;
}

} // namespace mw
