#include "bundle.hpp"

#include "json_check.hpp"
#include "model_loader.hpp"

#include <algorithm>
#include <set>

namespace mw {

using detail::Checker;
using detail::typeName;
using nlohmann::json;

namespace {
json optionalNumber(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

std::optional<double> levelField(Checker& check, const json& item, const std::string& path, const char* key,
                                 const Model* model) {
    auto it = item.find(key);
    if (it == item.end() || it->is_null())
        return std::nullopt;
    if (!it->is_number()) {
        check.problem(path + "." + key, "expected a number or null, found " + typeName(*it));
        return std::nullopt;
    }
    const double value = it->get<double>();
    if (model && !model->isLevel(value))
        check.problem(path + "." + key, formatNumber(value) + " is not a level of the scale (" +
                                            model->scaleValuesText() + ")");
    return value;
}
} // namespace

std::optional<std::string> checkAnswer(const Model& model, const Answer& answer) {
    if (!model.question(answer.questionId))
        return "unknown question '" + answer.questionId + "' in model " + model.id + " " + model.version;
    if (answer.current && !model.isLevel(*answer.current))
        return "level " + formatExact(*answer.current) + " is not on the scale (" + model.scaleValuesText() +
               ")";
    if (answer.target && !model.isLevel(*answer.target))
        return "target " + formatExact(*answer.target) + " is not on the scale (" + model.scaleValuesText() +
               ")";
    if (answer.notApplicable && answer.current)
        return "an answer cannot be both N/A and a level";
    return std::nullopt;
}

json bundleToJson(const Bundle& bundle) {
    json participants = json::array();
    for (const auto& p : bundle.participants)
        participants.push_back({{"key", p.id},
                                {"uid", p.uid},
                                {"name", p.name},
                                {"group", p.group},
                                {"role", p.role},
                                {"default", p.isDefault}});
    std::vector<Answer> answers = bundle.answers;
    std::sort(answers.begin(), answers.end(), [](const Answer& a, const Answer& b) {
        return std::tie(a.questionId, a.participantId) < std::tie(b.questionId, b.participantId);
    });
    json answerList = json::array();
    for (const auto& a : answers)
        answerList.push_back({{"question", a.questionId},
                              {"participant", a.participantId},
                              {"current", optionalNumber(a.current)},
                              {"notApplicable", a.notApplicable},
                              {"target", optionalNumber(a.target)},
                              {"note", a.note},
                              {"confidence", std::string(toString(a.confidence))},
                              {"updatedAt", a.updatedAt},
                              {"origin", a.origin}});
    json actionList = json::array();
    for (const auto& a : bundle.actions)
        actionList.push_back({{"uid", a.uid},
                              {"title", a.title},
                              {"owner", a.owner},
                              {"due", a.due},
                              {"status", std::string(toString(a.status))},
                              {"note", a.note},
                              {"questions", a.questionIds},
                              {"carriedFrom", a.carriedFrom},
                              {"updatedAt", a.updatedAt}});
    json evidenceList = json::array();
    for (const auto& e : bundle.evidence)
        evidenceList.push_back({{"uid", e.uid},
                                {"title", e.title},
                                {"fileName", e.fileName},
                                {"sha256", e.sha256},
                                {"size", e.size},
                                {"mediaType", e.mediaType},
                                {"validOn", e.validOn},
                                {"suppliedBy", e.suppliedBy},
                                {"questions", e.questionIds},
                                {"participant", e.participantId ? json(*e.participantId) : json(nullptr)},
                                {"carriedFrom", e.carriedFrom},
                                {"addedAt", e.addedAt}});
    return {
        {"format", "maturity-bundle"},
        {"formatVersion", kBundleFormatVersion},
        {"client",
         {{"name", bundle.client.name}, {"sector", bundle.client.sector}, {"notes", bundle.client.notes}}},
        {"assessment",
         {{"uid", bundle.assessment.uid},
          {"title", bundle.assessment.title},
          {"date", bundle.assessment.date},
          {"assessor", bundle.assessment.assessor},
          {"status", std::string(toString(bundle.assessment.status))},
          {"baselineUid", bundle.baselineUid ? json(*bundle.baselineUid) : json(nullptr)}}},
        {"model", bundle.model.source},
        {"participants", participants},
        {"answers", answerList},
        {"actions", actionList},
        {"evidence", evidenceList}};
}

std::string serializeBundle(const Bundle& bundle) {
    return bundleToJson(bundle).dump(2) + "\n";
}

namespace {

// One answer of the bundle: its question, participant, levels, note and confidence.
Answer readAnswer(Checker& check, const json& item, const std::string& path, const Model* model,
                  const std::set<Id>& participantKeys) {
    Answer answer;
    if (auto question = check.string(item, path, "question")) {
        answer.questionId = *question;
        if (model && !model->question(*question))
            check.problem(path + ".question", "unknown question '" + *question + "'");
    }
    if (const json* key = check.member(item, path, "participant")) {
        if (!key->is_number_integer() || !participantKeys.contains(key->get<Id>()))
            check.problem(path + ".participant", "unknown participant " + key->dump());
        else
            answer.participantId = key->get<Id>();
    }
    answer.current = levelField(check, item, path, "current", model);
    answer.target = levelField(check, item, path, "target", model);
    if (auto it = item.find("notApplicable"); it != item.end()) {
        if (!it->is_boolean())
            check.problem(path + ".notApplicable", "expected a boolean, found " + typeName(*it));
        else
            answer.notApplicable = it->get<bool>();
    }
    if (answer.notApplicable && answer.current)
        check.problem(path, "an answer cannot be both N/A and a level");
    answer.note = check.string(item, path, "note", false, false).value_or("");
    if (auto confidence = check.string(item, path, "confidence", false)) {
        if (auto parsed = confidenceFromString(*confidence))
            answer.confidence = *parsed;
        else
            check.problem(path + ".confidence", "'" + *confidence + "' is not low, medium or high");
    }
    answer.updatedAt = check.string(item, path, "updatedAt", false, false).value_or("");
    answer.origin = check.string(item, path, "origin", false, false).value_or("");
    return answer;
}

void readClient(Checker& check, const json& root, Client& out) {
    if (const json* client = check.member(root, "", "client")) {
        if (!client->is_object()) {
            check.problem("client", "expected an object, found " + typeName(*client));
        } else {
            out.name = check.string(*client, "client", "name").value_or("");
            out.sector = check.string(*client, "client", "sector", false, false).value_or("");
            out.notes = check.string(*client, "client", "notes", false, false).value_or("");
        }
    }
}

void readAssessment(Checker& check, const json& root, Bundle& bundle) {
    if (const json* a = check.member(root, "", "assessment")) {
        if (!a->is_object()) {
            check.problem("assessment", "expected an object, found " + typeName(*a));
        } else {
            auto& info = bundle.assessment;
            info.uid = check.string(*a, "assessment", "uid").value_or("");
            info.title = check.string(*a, "assessment", "title").value_or("");
            if (auto date = check.string(*a, "assessment", "date")) {
                if (!isIsoDate(*date))
                    check.problem("assessment.date", "'" + *date + "' is not a date such as 2025-03-31");
                info.date = *date;
            }
            info.assessor = check.string(*a, "assessment", "assessor", false, false).value_or("");
            if (auto status = check.string(*a, "assessment", "status")) {
                if (auto parsed = statusFromString(*status))
                    info.status = *parsed;
                else
                    check.problem("assessment.status", "'" + *status + "' is neither draft nor final");
            }
            if (auto it = a->find("baselineUid"); it != a->end() && !it->is_null()) {
                if (it->is_string())
                    bundle.baselineUid = it->get<std::string>();
                else
                    check.problem("assessment.baselineUid",
                                  "expected a string or null, found " + typeName(*it));
            }
        }
    }
}

// The model snapshot; null when it did not load (its problems are reported under "model.").
const Model* readModel(Checker& check, const json& root, Bundle& bundle) {
    if (const json* m = check.member(root, "", "model")) {
        auto loaded = loadModel(*m);
        if (!loaded) {
            if (loaded.error().details.empty())
                check.problem("model", loaded.error().message);
            for (const auto& problem : loaded.error().details)
                check.problem("model." + problem.substr(0, problem.find(':')),
                              problem.substr(problem.find(':') + 2));
        } else {
            bundle.model = std::move(*loaded);
            bundle.assessment.modelId = bundle.model.id;
            bundle.assessment.modelVersion = bundle.model.version;
            bundle.assessment.questionCount = bundle.model.questionCount();
            return &bundle.model;
        }
    }
    return nullptr;
}

std::set<Id> readParticipants(Checker& check, const json& root, Bundle& bundle) {
    std::set<Id> participantKeys;
    std::set<std::string> participantUids;
    if (const json* list = check.member(root, "", "participants")) {
        if (!list->is_array() || list->empty()) {
            check.problem("participants", list->is_array() ? "needs at least one participant"
                                                           : "expected an array, found " + typeName(*list));
        } else {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const json& item = (*list)[i];
                const std::string path = "participants[" + std::to_string(i) + "]";
                if (!item.is_object()) {
                    check.problem(path, "expected an object, found " + typeName(item));
                    continue;
                }
                Participant p;
                if (const json* key = check.member(item, path, "key")) {
                    if (!key->is_number_integer())
                        check.problem(path + ".key", "expected a whole number, found " + typeName(*key));
                    else if (!participantKeys.insert(key->get<Id>()).second)
                        check.problem(path + ".key", "duplicate participant key " + key->dump());
                    else
                        p.id = key->get<Id>();
                }
                p.name = check.string(item, path, "name").value_or("");
                p.group = check.string(item, path, "group", false, false).value_or("");
                // Format 1 had no uids and roles: such participants get a uid when they are stored.
                p.uid = check.string(item, path, "uid", false).value_or("");
                if (!p.uid.empty() && !participantUids.insert(p.uid).second)
                    check.problem(path + ".uid", "duplicate participant uid '" + p.uid + "'");
                p.role = check.string(item, path, "role", false, false).value_or("");
                if (auto it = item.find("default"); it != item.end()) {
                    if (it->is_boolean())
                        p.isDefault = it->get<bool>();
                    else
                        check.problem(path + ".default", "expected a boolean, found " + typeName(*it));
                }
                bundle.participants.push_back(p);
            }
        }
    }

    return participantKeys;
}

void readAnswers(Checker& check, const json& root, Bundle& bundle, const Model* model,
                 const std::set<Id>& participantKeys) {
    std::set<std::pair<std::string, Id>> answerKeys;
    if (const json* list = check.member(root, "", "answers")) {
        if (!list->is_array()) {
            check.problem("answers", "expected an array, found " + typeName(*list));
        } else {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const json& item = (*list)[i];
                const std::string path = "answers[" + std::to_string(i) + "]";
                if (!item.is_object()) {
                    check.problem(path, "expected an object, found " + typeName(item));
                    continue;
                }
                Answer answer = readAnswer(check, item, path, model, participantKeys);
                if (!answerKeys.insert({answer.questionId, answer.participantId}).second)
                    check.problem(path,
                                  "a second answer to '" + answer.questionId + "' by the same participant");
                bundle.answers.push_back(std::move(answer));
            }
        }
    }
}

// The action plan (format 3; earlier bundles have none): each action checked as the store checks it.
void readActions(Checker& check, const json& root, Bundle& bundle, const Model* model) {
    const json* list = check.member(root, "", "actions", false);
    if (!list)
        return;
    if (!list->is_array()) {
        check.problem("actions", "expected an array, found " + typeName(*list));
        return;
    }
    std::set<std::string> uids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string path = "actions[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            check.problem(path, "expected an object, found " + typeName(item));
            continue;
        }
        Action action;
        action.uid = check.string(item, path, "uid").value_or("");
        if (!action.uid.empty() && !uids.insert(action.uid).second)
            check.problem(path + ".uid", "a second action with uid '" + action.uid + "'");
        action.title = check.string(item, path, "title").value_or("");
        action.owner = check.string(item, path, "owner", false, false).value_or("");
        action.due = check.string(item, path, "due", false, false).value_or("");
        if (!action.due.empty() && !isIsoDate(action.due))
            check.problem(path + ".due", "'" + action.due + "' is not a date such as 2026-06-30");
        if (auto status = check.string(item, path, "status", false)) {
            if (auto parsed = actionStatusFromString(*status))
                action.status = *parsed;
            else
                check.problem(path + ".status", "'" + *status + "' is not " + std::string(kActionStatuses));
        }
        action.note = check.string(item, path, "note", false, false).value_or("");
        action.questionIds = check.stringList(item, path, "questions", true);
        if (item.contains("questions") && item["questions"].is_array() && item["questions"].empty())
            check.problem(path + ".questions", "an action serves at least one question");
        for (std::size_t q = 0; q < action.questionIds.size(); ++q)
            if (model && !model->question(action.questionIds[q]))
                check.problem(path + ".questions[" + std::to_string(q) + "]",
                              "unknown question '" + action.questionIds[q] + "'");
        action.carriedFrom = check.string(item, path, "carriedFrom", false, false).value_or("");
        action.updatedAt = check.string(item, path, "updatedAt", false, false).value_or("");
        bundle.actions.push_back(std::move(action));
    }
}

// The evidence (format 4): what each file is and what it supports, checked as the store checks it. The
// files are not in the JSON; a .mwz package carries them beside it, named by their digests.
void readEvidence(Checker& check, const json& root, Bundle& bundle, const Model* model,
                  const std::set<Id>& participantKeys) {
    const json* list = check.member(root, "", "evidence", false);
    if (!list)
        return;
    if (!list->is_array()) {
        check.problem("evidence", "expected an array, found " + typeName(*list));
        return;
    }
    std::set<std::string> uids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string path = "evidence[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            check.problem(path, "expected an object, found " + typeName(item));
            continue;
        }
        Evidence evidence;
        evidence.uid = check.string(item, path, "uid").value_or("");
        if (!evidence.uid.empty() && !uids.insert(evidence.uid).second)
            check.problem(path + ".uid", "a second piece of evidence with uid '" + evidence.uid + "'");
        evidence.title = check.string(item, path, "title").value_or("");
        evidence.fileName = check.string(item, path, "fileName").value_or("");
        evidence.sha256 = check.string(item, path, "sha256").value_or("");
        if (!evidence.sha256.empty() && !isSha256Hex(evidence.sha256))
            check.problem(path + ".sha256", "expected 64 lowercase hex digits (a SHA-256)");
        if (const json* size = check.member(item, path, "size")) {
            if (!size->is_number_integer() || size->get<std::int64_t>() < 0)
                check.problem(path + ".size", "expected a whole number of bytes, found " + size->dump());
            else
                evidence.size = size->get<std::int64_t>();
        }
        evidence.mediaType =
            check.string(item, path, "mediaType", false).value_or("application/octet-stream");
        evidence.validOn = check.string(item, path, "validOn", false, false).value_or("");
        evidence.suppliedBy = check.string(item, path, "suppliedBy", false, false).value_or("");
        evidence.questionIds = check.stringList(item, path, "questions", false);
        if (const auto key = item.find("participant"); key != item.end() && !key->is_null()) {
            if (!key->is_number_integer() || !participantKeys.contains(key->get<Id>()))
                check.problem(path + ".participant", "unknown participant " + key->dump());
            else
                evidence.participantId = key->get<Id>();
        }
        evidence.carriedFrom = check.string(item, path, "carriedFrom", false, false).value_or("");
        evidence.addedAt = check.string(item, path, "addedAt", false, false).value_or("");
        if (model && !evidence.title.empty())
            if (auto problem = checkEvidence(*model, evidence))
                check.problem(path, *problem);
        bundle.evidence.push_back(std::move(evidence));
    }
}

} // namespace

Result<Bundle> bundleFromJson(const json& root) {
    if (!root.is_object())
        return fail("the bundle must be a JSON object, found " + typeName(root));
    Checker check;
    Bundle bundle;

    auto format = check.string(root, "", "format");
    if (format && *format != "maturity-bundle")
        return fail("format: '" + *format + "' is not a maturity bundle");
    if (const json* version = check.member(root, "", "formatVersion")) {
        if (!version->is_number_integer())
            check.problem("formatVersion", "expected a whole number, found " + typeName(*version));
        else if (version->get<int>() < 1 || version->get<int>() > kBundleFormatVersion)
            return fail("formatVersion: " + std::to_string(version->get<int>()) +
                        " is not supported; this version reads bundle format 1 to " +
                        std::to_string(kBundleFormatVersion) + " (update Maturity Workbench)");
    }

    readClient(check, root, bundle.client);
    readAssessment(check, root, bundle);
    const Model* model = readModel(check, root, bundle);
    const std::set<Id> participantKeys = readParticipants(check, root, bundle);
    readAnswers(check, root, bundle, model, participantKeys);
    readActions(check, root, bundle, model);
    readEvidence(check, root, bundle, model, participantKeys);

    if (!check.problems.empty())
        return std::unexpected(check.toError());
    bundle.assessment.clientName = bundle.client.name;
    std::set<std::string> answered;
    for (const auto& a : bundle.answers)
        if (a.hasLevel())
            answered.insert(a.questionId);
    bundle.assessment.answeredCount = answered.size();
    return bundle;
}

Result<Bundle> parseBundle(std::string_view text, std::string_view source) {
    return detail::parseAndRead(text, source, [](const json& root) { return bundleFromJson(root); });
}

} // namespace mw
