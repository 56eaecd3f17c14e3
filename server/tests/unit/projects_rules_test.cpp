// The project rules (modules/projects/projects_rules.cpp): the regular path of statuses and
// the next statuses the API offers staff.
#include "modules/projects/projects_model.hpp"

#include <gtest/gtest.h>

using namespace declic;
using projects::ProjectStatus;

TEST(ProjectRules, OneStepForwardOrCancelledFromAnOpenStatus) {
  using projects::transition_allowed;
  EXPECT_TRUE(transition_allowed(ProjectStatus::confirmed, ProjectStatus::shot));
  EXPECT_TRUE(transition_allowed(ProjectStatus::delivered, ProjectStatus::closed));
  EXPECT_TRUE(transition_allowed(ProjectStatus::editing, ProjectStatus::cancelled));
  EXPECT_FALSE(transition_allowed(ProjectStatus::confirmed, ProjectStatus::editing));  // skip
  EXPECT_FALSE(transition_allowed(ProjectStatus::editing, ProjectStatus::shot));       // back
  EXPECT_FALSE(transition_allowed(ProjectStatus::closed, ProjectStatus::cancelled));
  EXPECT_FALSE(transition_allowed(ProjectStatus::cancelled, ProjectStatus::confirmed));
}

TEST(ProjectRules, NextStatusesFollowTheRegularPath) {
  using projects::next_statuses;
  using S = ProjectStatus;
  using List = std::vector<ProjectStatus>;
  EXPECT_EQ(next_statuses(S::confirmed), (List{S::shot, S::cancelled}));
  EXPECT_EQ(next_statuses(S::editing), (List{S::delivered, S::cancelled}));
  EXPECT_EQ(next_statuses(S::delivered), (List{S::closed, S::cancelled}));
  EXPECT_EQ(next_statuses(S::closed), List{});
  EXPECT_EQ(next_statuses(S::cancelled), List{});
}

TEST(ProjectRules, StatusNamesRoundTrip) {
  for (auto s : {ProjectStatus::confirmed, ProjectStatus::shot, ProjectStatus::editing,
                 ProjectStatus::delivered, ProjectStatus::closed, ProjectStatus::cancelled})
    EXPECT_EQ(projects::project_status_from(projects::to_string(s)), s);
  EXPECT_FALSE(projects::project_status_from("shot"));  // the wire names are upper case
}
