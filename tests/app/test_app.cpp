// The application layer on real temporary databases: no Qt, no mocks.
#include "app/actions.hpp"
#include "app/answers.hpp"
#include "app/assessments.hpp"
#include "app/documents.hpp"
#include "app/workshop.hpp"
#include "storage/demo.hpp"
#include "support.hpp"

using namespace mw;

namespace {

struct Fixture {
    test::TempDir dir;
    app::Workspace workspace = open();

    app::Workspace open(std::vector<std::filesystem::path> folders = {}) {
        auto opened = app::Workspace::open(dir / "app.db", app::ModelCatalog(std::move(folders)));
        REQUIRE(opened.has_value());
        return std::move(*opened);
    }
    app::StartRequest request(const std::string& client = "Harbour Foods") const {
        return {client, "Food", "Baseline", "2026-03-02", "Sam Lee", "", std::nullopt, false};
    }
    Id start(const app::StartRequest& r) {
        auto started = app::startAssessment(workspace, r);
        REQUIRE(started.has_value());
        return started->id;
    }
    std::size_t assessmentCount() { return app::listAssessments(workspace)->size(); }
};

} // namespace

TEST_CASE("a workspace surfaces the model files it skipped", "[app]") {
    test::TempDir models;
    test::writeBytes(models / "broken.json", "{\"id\": 3}");
    Fixture f;
    auto workspace = f.open({models.path()});
    REQUIRE(workspace.catalog().problems().size() == 1);
    CHECK(workspace.catalog().problems()[0].find("broken.json") != std::string::npos);
    CHECK(workspace.catalog().registry().find("itot-convergence").has_value());
}

TEST_CASE("starting assessments finds or adds the client and checks everything first", "[app]") {
    Fixture f;
    auto first = app::startAssessment(f.workspace, f.request());
    REQUIRE(first.has_value());
    CHECK(first->client.created);
    CHECK(first->model.id == "itot-convergence");
    auto second = app::startAssessment(f.workspace, f.request());
    REQUIRE(second.has_value());
    CHECK_FALSE(second->client.created);
    CHECK(second->client.client.id == first->client.client.id);
    CHECK(app::listClients(f.workspace)->size() == 1);

    auto bad = f.request("Nobody Ltd");
    bad.date = "2026-02-30";
    CHECK(app::startAssessment(f.workspace, bad).error().message.find("is not a date") != std::string::npos);
    bad = f.request("Nobody Ltd");
    bad.model = "cmmi";
    CHECK(app::startAssessment(f.workspace, bad).error().message.find("unknown model 'cmmi'") !=
          std::string::npos);
    bad = f.request("Nobody Ltd");
    bad.baseline = 99;
    CHECK(app::startAssessment(f.workspace, bad).error().message.find("baseline: no assessment with id 99") !=
          std::string::npos);
    // Refused requests add neither the client nor an assessment.
    CHECK(app::listClients(f.workspace)->size() == 1);
    CHECK(f.assessmentCount() == 2);
}

TEST_CASE("a follow-up links to its baseline and starts from its answers", "[app]") {
    Fixture f;
    const Id baseline = f.start(f.request());
    REQUIRE(app::recordAnswer(f.workspace, baseline, "GO1", AnswerEdit::setLevel(2)).has_value());
    auto followUp = app::startFollowUp(f.workspace, baseline, f.request());
    REQUIRE(followUp.has_value());
    auto state = app::loadAssessment(f.workspace, followUp->id);
    REQUIRE(state.has_value());
    CHECK(state->info.baselineId == baseline);
    REQUIRE(state->baseline.has_value());
    CHECK(state->baseline->info.id == baseline);
    CHECK(*state->baseline->scores.dimension("goals")->current == 2);
    REQUIRE(state->answers.size() == 1);
    CHECK(state->answers[0].current == 2);
    // The link survives export: the bundle names the baseline by uid.
    auto bundle = app::exportBundle(f.workspace, followUp->id);
    REQUIRE(bundle.has_value());
    CHECK(bundle->baselineUid == app::loadAssessment(f.workspace, baseline)->info.uid);
}

TEST_CASE("loading an assessment gives everything a view or report needs", "[app]") {
    Fixture f;
    auto demo = createDemo(f.workspace.store(), f.workspace.catalog().registry());
    REQUIRE(demo.has_value());
    auto state = app::loadAssessment(f.workspace, demo->followUpId);
    REQUIRE(state.has_value());
    CHECK(state->participants.size() >= 1);
    CHECK(std::any_of(state->participants.begin(), state->participants.end(),
                      [&](const Participant& p) { return p.id == state->consensusId && p.isDefault; }));
    CHECK(state->scores.answered == state->model->questionCount()); // the demo answers every question
    CHECK_FALSE(state->gaps.empty());
    REQUIRE(state->baseline.has_value());
    CHECK(*state->scores.overall > *state->baseline->scores.overall);
    // The report is made from the same numbers.
    auto report = app::reportData(f.workspace, demo->followUpId);
    REQUIRE(report.has_value());
    CHECK(*report->scores.overall == Approx(*state->scores.overall));
    CHECK(report->gaps.size() == state->gaps.size());
    // A follow-up's report carries its baseline and the change since, scored the same way as the view's.
    REQUIRE(report->baseline.has_value());
    CHECK(report->baseline->info.id == demo->baselineId);
    CHECK(*report->baseline->scores.overall == Approx(*state->baseline->scores.overall));
    CHECK(*report->baseline->change.overallBefore == Approx(*state->baseline->scores.overall));
    CHECK(*report->baseline->change.overallAfter == Approx(*state->scores.overall));
    CHECK(report->baseline->change.dimensions.size() == state->model->dimensions.size());
    CHECK_FALSE(app::reportData(f.workspace, demo->baselineId)->baseline.has_value());
    CHECK(app::loadAssessment(f.workspace, 4242).error().message.find("no assessment with id 4242") !=
          std::string::npos);
}

TEST_CASE("recording an answer changes only what the edit names", "[app]") {
    Fixture f;
    const Id id = f.start(f.request());
    REQUIRE(app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setTarget(3)).has_value());
    REQUIRE(app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setNote("Charter seen")).has_value());
    // A level above the target leaves the target where the room put it.
    auto saved = app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setLevel(4));
    REQUIRE(saved.has_value());
    CHECK(saved->current == 4);
    CHECK(saved->target == 3);
    CHECK(saved->note == "Charter seen");
    CHECK(isAboveTarget(*saved));
    auto stored = app::loadAssessment(f.workspace, id)->answers;
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].target == 3);

    // Refused edits write nothing.
    auto off = app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setLevel(9));
    REQUIRE_FALSE(off.has_value());
    CHECK(off.error().message ==
          "assessment " + std::to_string(id) + ": level 9 is not on the scale (0, 1, 2, 3, 4, 5)");
    auto unknown = app::recordAnswer(f.workspace, id, "ZZ9", AnswerEdit::setLevel(1));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message.find("unknown question 'ZZ9'") != std::string::npos);
    CHECK(app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setLevel(1), 777)
              .error()
              .message.find("participant 777 is not part of this assessment") != std::string::npos);
    CHECK(app::loadAssessment(f.workspace, id)->answers[0].current == 4);

    // N/A clears the level and keeps the rest; undoing it restores the whole answer.
    auto na = app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::notApplicable(true));
    REQUIRE(na.has_value());
    CHECK_FALSE(na->current.has_value());
    CHECK(na->note == "Charter seen");
    REQUIRE(app::restoreAnswer(f.workspace, id, *saved).has_value());
    CHECK(app::loadAssessment(f.workspace, id)->answers[0].current == 4);
    REQUIRE(app::removeAnswer(f.workspace, id, "GO1", saved->participantId).has_value());
    CHECK(app::loadAssessment(f.workspace, id)->answers.empty());
}

TEST_CASE("details change field by field", "[app]") {
    Fixture f;
    const Id id = f.start(f.request());
    app::DetailsEdit edit;
    edit.status = Status::Final;
    auto updated = app::updateDetails(f.workspace, id, edit);
    REQUIRE(updated.has_value());
    CHECK(updated->status == Status::Final);
    CHECK(updated->title == "Baseline");
    CHECK(updated->assessor == "Sam Lee");
    edit = {};
    edit.date = "2026-13-01";
    CHECK_FALSE(app::updateDetails(f.workspace, id, edit).has_value());
    edit = {};
    edit.title = "Workshop one";
    REQUIRE(app::updateDetails(f.workspace, id, edit).has_value());
    auto info = app::loadAssessment(f.workspace, id)->info;
    CHECK(info.title == "Workshop one");
    CHECK(info.date == "2026-03-02");
    CHECK(info.status == Status::Final);
}

TEST_CASE("a model the database holds can be named by its id", "[app]") {
    Fixture f;
    auto request = f.request();
    request.model = test::dataPath("c2m2-style.json").string();
    f.start(request);
    request.model = "c2m2-style";
    auto again = app::startAssessment(f.workspace, request);
    REQUIRE(again.has_value());
    CHECK(again->model.id == "c2m2-style");
    CHECK(f.workspace.findModel("samm-style").error().message.find("unknown model 'samm-style'") !=
          std::string::npos);
}

TEST_CASE("comparisons need two assessments, and bundles import all or nothing", "[app]") {
    Fixture f;
    auto demo = createDemo(f.workspace.store(), f.workspace.catalog().registry());
    REQUIRE(demo.has_value());
    auto same = app::compare(f.workspace, demo->followUpId, demo->followUpId);
    REQUIRE_FALSE(same.has_value());
    CHECK(same.error().message.find("cannot be compared with itself") != std::string::npos);
    auto compared = app::compare(f.workspace, demo->baselineId, demo->followUpId);
    REQUIRE(compared.has_value());
    CHECK(compared->comparison.improved > 30);
    CHECK(compared->before.id == demo->baselineId);

    auto bundle = app::exportBundle(f.workspace, demo->followUpId);
    REQUIRE(bundle.has_value());
    auto again = app::importBundle(f.workspace, *bundle);
    REQUIRE(again.has_value());
    CHECK(again->alreadyPresent);
    test::writeBytes(f.dir / "broken.json", "{\"format\": \"maturity-bundle\"");
    auto broken = app::readBundleFile(f.dir / "broken.json");
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().message.find("broken.json") != std::string::npos);
    CHECK(app::readBundleFile(f.dir / "absent.json").error().message.find("absent.json") !=
          std::string::npos);
    CHECK(f.assessmentCount() == 2);
}

TEST_CASE("the roster: voices join by group, are found by name, id or uid, and answer for themselves",
          "[app]") {
    Fixture f;
    const Id id = f.start(f.request());
    auto ana = app::addParticipant(f.workspace, id, "  Ana ", "IT", "ERP lead");
    REQUIRE(ana.has_value());
    CHECK(ana->name == "Ana");
    CHECK(ana->group == "IT");
    CHECK(ana->role == "ERP lead");
    CHECK(ana->uid.size() == 32);
    CHECK_FALSE(ana->isDefault);
    CHECK(app::addParticipant(f.workspace, id, "ANA", "OT")
              .error()
              .message.find("already has a participant named 'Ana'") != std::string::npos);
    CHECK_FALSE(app::addParticipant(f.workspace, id, "Chidi", " ").has_value());
    CHECK_FALSE(app::addParticipant(f.workspace, 99, "Chidi", "OT").has_value());
    auto chidi = app::addParticipant(f.workspace, id, "Chidi", "OT");
    REQUIRE(chidi.has_value());

    CHECK(app::findParticipant(f.workspace, id, "ana")->id == ana->id);
    CHECK(app::findParticipant(f.workspace, id, std::to_string(chidi->id))->id == chidi->id);
    CHECK(app::findParticipant(f.workspace, id, chidi->uid)->id == chidi->id);
    CHECK(app::findParticipant(f.workspace, id, "Zed").error().message.find("Ana (#") != std::string::npos);

    // Each voice is its own answer; the consensus stays untouched, and the score is the mean of the groups.
    REQUIRE(app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setLevel(4), ana->id).has_value());
    REQUIRE(app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setLevel(1), chidi->id).has_value());
    auto state = app::loadAssessment(f.workspace, id);
    REQUIRE(state.has_value());
    CHECK(state->answers.size() == 2);
    CHECK(*state->scores.questions[0].answer.current == Approx(2.5));
    REQUIRE(app::recordAnswer(f.workspace, id, "GO1", AnswerEdit::setLevel(3)).has_value()); // the consensus
    state = app::loadAssessment(f.workspace, id);
    CHECK(*state->scores.questions[0].answer.current == 3);
    CHECK(state->scores.questions[0].answer.fromConsensus);

    // Voices travel in bundles with their uids and groups.
    auto bundle = app::exportBundle(f.workspace, id);
    REQUIRE(bundle.has_value());
    REQUIRE(bundle->participants.size() == 3);
    CHECK(bundle->participants[1].uid == ana->uid);
    CHECK(bundle->participants[1].role == "ERP lead");
    CHECK(bundle->answers[0].origin == f.workspace.store().origin());
}

TEST_CASE("a follow-up of a 1.0.0 baseline on 2.0.0 carries the kept questions and lists the new ones",
          "[app][default-model]") {
    Fixture f;
    auto demo = createDemo(f.workspace.store(), f.workspace.catalog().registry());
    REQUIRE(demo.has_value());
    auto request = f.request("Severn Vale Water");
    request.model = "itot-convergence"; // the newest version: 2.0.0
    auto followUp = app::startFollowUp(f.workspace, demo->baselineId, request);
    REQUIRE(followUp.has_value());
    CHECK(followUp->model.version == "2.0.0");
    auto compared = app::compare(f.workspace, demo->baselineId, followUp->id);
    REQUIRE(compared.has_value());
    CHECK_FALSE(compared->comparison.sameModelVersion);
    CHECK(compared->comparison.onlyInBefore.empty()); // every 1.0.0 question carried over
    CHECK(compared->comparison.onlyInAfter.size() == 13);
    CHECK(compared->comparison.questions.size() == 42);
    CHECK(compared->comparison.declined == 0);
    CHECK(compared->comparison.improved == 0);

    // A client who wants to stay on the version of its baseline names it.
    request.title = "Follow-up on the same version";
    request.model = "itot-convergence@1.0.0";
    auto sameVersion = app::startFollowUp(f.workspace, demo->baselineId, request);
    REQUIRE(sameVersion.has_value());
    CHECK(sameVersion->model.version == "1.0.0");
    CHECK(app::compare(f.workspace, demo->baselineId, sameVersion->id)->comparison.sameModelVersion);
}

namespace {

app::NewAction onlyQuestion(const std::string& question) {
    app::NewAction request;
    request.questions = {question};
    return request;
}

} // namespace

TEST_CASE("the action plan: gaps become actions, follow-ups carry them, and a CSV edit lands whole",
          "[app][actions]") {
    Fixture f;
    auto demo = createDemo(f.workspace.store(), f.workspace.catalog().registry());
    REQUIRE(demo.has_value());
    // The demo's follow-up continues the baseline's twelve actions with the status each reached.
    auto plan = app::actionPlan(f.workspace, demo->followUpId);
    REQUIRE(plan.has_value());
    REQUIRE(plan->actions.size() == 12);
    const auto count = [&](ActionStatus status) {
        return std::count_if(plan->actions.begin(), plan->actions.end(),
                             [&](const Action& a) { return a.status == status; });
    };
    CHECK(count(ActionStatus::Done) == 10);
    CHECK(count(ActionStatus::Dropped) == 1);
    CHECK(count(ActionStatus::InProgress) == 1);
    CHECK(std::all_of(plan->actions.begin(), plan->actions.end(),
                      [](const Action& a) { return !a.carriedFrom.empty(); }));
    CHECK(plan->actions.front().questionIds == std::vector<std::string>{"SB3"}); // the most urgent gap first
    // A dropped action does not cover its gap: MC4 is still waiting for one.
    CHECK(std::any_of(plan->gapsWithoutAction.begin(), plan->gapsWithoutAction.end(),
                      [](const Gap& g) { return g.questionId == "MC4"; }));

    // A gap becomes an action with the model's next step as its title.
    app::NewAction request = onlyQuestion("SF1");
    request.owner = "R. Patel";
    request.due = "2027-03-31";
    auto added = app::addAction(f.workspace, demo->followUpId, request);
    REQUIRE(added.has_value());
    const auto sf1 = std::find_if(plan->gaps.begin(), plan->gaps.end(),
                                  [](const Gap& g) { return g.questionId == "SF1"; });
    CHECK(added->title == sf1->recommendation);
    CHECK(app::addAction(f.workspace, demo->followUpId, onlyQuestion("GO4"))
              .error()
              .message.contains("has no gap"));
    CHECK(app::addAction(f.workspace, demo->followUpId, app::NewAction())
              .error()
              .message.contains("at least one question"));

    // Edited wherever it is, by its id alone.
    ActionEdit edit;
    edit.status = ActionStatus::InProgress;
    auto changed = app::editAction(f.workspace, added->id, edit);
    REQUIRE(changed.has_value());
    CHECK(changed->status == ActionStatus::InProgress);
    CHECK(changed->owner == "R. Patel");
    CHECK(app::editAction(f.workspace, 9999, edit).error().message.contains("no action with id 9999"));

    // Undo of the add removes it, redo brings it back with the same uid.
    REQUIRE(app::removeAction(f.workspace, demo->followUpId, added->id));
    auto restored = app::restoreAction(f.workspace, demo->followUpId, *changed);
    REQUIRE(restored.has_value());
    CHECK(restored->uid == added->uid);

    // A CSV with one bad row changes nothing; the corrected one changes exactly its rows.
    const std::string uid = restored->uid;
    auto before = f.workspace.store().actions(demo->followUpId);
    auto refused = app::importActionsCsv(f.workspace, demo->followUpId,
                                         "uid,status\n" + uid + ",done\nsevern-vale-action-03-1,someday\n");
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message ==
          "row 3, column status: 'someday' is not planned, in-progress, done or dropped");
    CHECK(*f.workspace.store().actions(demo->followUpId) == *before);
    auto imported =
        app::importActionsCsv(f.workspace, demo->followUpId,
                              "uid,status,owner\n" + uid + ",done,L. Chen\nsevern-vale-action-03-1,done,\n");
    REQUIRE(imported.has_value());
    CHECK(imported->size() == 2);
    auto after = app::actionPlan(f.workspace, demo->followUpId);
    const auto mine = std::find_if(after->actions.begin(), after->actions.end(),
                                   [&](const Action& a) { return a.uid == uid; });
    CHECK(mine->status == ActionStatus::Done);
    CHECK(mine->owner == "L. Chen");

    // A new follow-up of the follow-up carries the plan on again.
    auto second = f.request("Severn Vale Water");
    second.title = "Second follow-up";
    auto next = app::startFollowUp(f.workspace, demo->followUpId, second);
    REQUIRE(next.has_value());
    auto carried = app::actionPlan(f.workspace, next->id);
    CHECK(carried->actions.size() == 13);
}
