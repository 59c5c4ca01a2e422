// Merging a bundle into the assessment it came from: groups that filled in the questions on their own
// laptops bring their voices back. All or nothing, and the same bundle twice changes nothing.
#include "core/answer_rules.hpp"
#include "storage/sql_support.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace mw {

using namespace sql;

namespace {

bool sameName(const std::string& a, const std::string& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(),
                      [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// The local participant a bundle participant is: the same uid; else the consensus for the consensus; else
// the same name in the same group (bundles of format 1 carry no uids).
const Participant* matchParticipant(const std::vector<Participant>& local, const Participant& incoming) {
    for (const auto& p : local)
        if (!incoming.uid.empty() && p.uid == incoming.uid)
            return &p;
    for (const auto& p : local)
        if (incoming.isDefault
                ? p.isDefault
                : (!p.isDefault && sameName(p.name, incoming.name) && p.group == incoming.group))
            return &p;
    return nullptr;
}

std::string levelText(const Answer& a) {
    if (a.notApplicable)
        return "N/A";
    return a.current ? formatNumber(*a.current) : "no level";
}

std::string describeDifference(const Answer& kept, const Answer& other, const Participant& who,
                               bool keptLocal) {
    const std::string voice = who.isDefault ? "the consensus" : who.name + " (" + who.group + ")";
    return kept.questionId + " by " + voice + ": kept " + levelText(kept) + " from " +
           (keptLocal ? "this database" : "the bundle") + " (" + kept.updatedAt + "), not " +
           levelText(other) + " (" + other.updatedAt + ")" +
           (kept.note != other.note ? "; the notes differ too" : "");
}

bool sameAction(const Action& a, const Action& b) {
    return a.title == b.title && a.owner == b.owner && a.due == b.due && a.status == b.status &&
           a.note == b.note && a.questionIds == b.questionIds;
}

} // namespace

Result<ImportOutcome> Store::mergeBundle(Id assessmentId, const Bundle& bundle) {
    auto stored = modelOf(assessmentId);
    if (!stored)
        return std::unexpected(stored.error());
    if ((*stored)->id != bundle.model.id || (*stored)->version != bundle.model.version)
        return fail("cannot merge the bundle into assessment " + std::to_string(assessmentId) +
                    ": it was assessed with " + (*stored)->id + " " + (*stored)->version +
                    ", the bundle with " + bundle.model.id + " " + bundle.model.version);
    auto localParticipants = participants(assessmentId);
    auto localAnswers = answers(assessmentId);
    auto localActionList = actions(assessmentId);
    if (!localActionList)
        return std::unexpected(localActionList.error());
    if (!localParticipants)
        return std::unexpected(localParticipants.error());
    if (!localAnswers)
        return std::unexpected(localAnswers.error());
    ImportOutcome outcome;
    outcome.assessmentId = assessmentId;
    outcome.merged = true;
    WriteScope transaction(*db_);
    std::map<Id, Participant> local; // bundle key -> local participant
    for (const auto& incoming : bundle.participants) {
        if (const Participant* match = matchParticipant(*localParticipants, incoming)) {
            local[incoming.id] = *match;
            continue;
        }
        Participant added = incoming;
        added.uid = incoming.uid.empty() ? newUid() : incoming.uid;
        added.id = insertParticipant(*statements_, assessmentId, added);
        localParticipants->push_back(added);
        local[incoming.id] = added;
        ++outcome.addedParticipants;
    }
    for (Answer incoming : bundle.answers) {
        const Participant& who = local.at(incoming.participantId);
        incoming.participantId = who.id;
        auto existing = std::find_if(localAnswers->begin(), localAnswers->end(), [&](const Answer& a) {
            return a.questionId == incoming.questionId && a.participantId == who.id;
        });
        if (existing == localAnswers->end()) {
            insertAnswer(*statements_, assessmentId, incoming);
            ++outcome.addedAnswers;
            continue;
        }
        if (sameAnswer(*existing, incoming))
            continue;
        const bool bundleIsLater = incoming.updatedAt > existing->updatedAt;
        outcome.differences.push_back(bundleIsLater ? describeDifference(incoming, *existing, who, false)
                                                    : describeDifference(*existing, incoming, who, true));
        if (bundleIsLater) {
            insertAnswer(*statements_, assessmentId, incoming);
            ++outcome.updatedAnswers;
        }
    }
    outcome.answers = outcome.addedAnswers + outcome.updatedAnswers;
    // Actions match by uid; for one changed on both sides the later updated_at wins, as for answers.
    std::map<std::string, const Action*> localActions;
    for (const auto& a : *localActionList)
        localActions[a.uid] = &a;
    for (const Action& incoming : bundle.actions) {
        const auto found = localActions.find(incoming.uid);
        if (found == localActions.end()) {
            upsertAction(*statements_, assessmentId, incoming);
            ++outcome.addedActions;
        } else if (incoming.updatedAt > found->second->updatedAt && !sameAction(*found->second, incoming)) {
            upsertAction(*statements_, assessmentId, incoming);
            ++outcome.updatedActions;
        }
    }
    // Evidence matches by uid: what this database has (or removed) stays as it is.
    std::map<Id, Id> participantIds;
    for (const auto& [key, participant] : local)
        participantIds[key] = participant.id;
    importEvidence(*statements_, assessmentId, bundle.evidence, participantIds, outcome);
    outcome.alreadyPresent = outcome.addedParticipants == 0 && outcome.answers == 0 &&
                             outcome.addedActions == 0 && outcome.updatedActions == 0 &&
                             outcome.addedEvidence == 0;
    if (!outcome.alreadyPresent) {
        SQLite::Statement touch(*db_, "UPDATE assessments SET updated_at = ? WHERE id = ?");
        touch.bind(1, nowIsoUtc());
        touch.bind(2, static_cast<int64_t>(assessmentId));
        touch.exec();
    }
    transaction.commit();
    return outcome;
}

} // namespace mw
