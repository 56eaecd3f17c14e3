# Included by CTest (TEST_INCLUDE_FILES), not by CMake: registers one test per GoogleTest
# suite of EXE, named LABEL.Suite, so that a suite's SetUpTestSuite (a database, a server, its
# users) runs once for all its tests rather than once for each. The tests of an ISOLATED suite
# are registered one by one (LABEL.Suite.Test); ALONE names one test that runs with no other
# test beside it (RUN_SERIAL), its suite then running without it. SLOW suites start first.
# Inputs: EXE, LABEL, PROPS (test properties), ALONE (Suite.Test or empty), ISOLATED and SLOW
# (suites), WORKDIR.
if(NOT EXISTS "${EXE}")
  add_test(${LABEL}.NOT_BUILT "${EXE}")
  return()
endif()
execute_process(COMMAND "${EXE}" --gtest_list_tests OUTPUT_VARIABLE listing
                RESULT_VARIABLE failed TIMEOUT 30)
if(failed)
  add_test(${LABEL}.LIST_FAILED "${EXE}" --gtest_list_tests)
  return()
endif()

macro(declic_add name filter)
  add_test(${LABEL}.${name} "${EXE}" --gtest_filter=${filter})
  set_tests_properties(${LABEL}.${name} PROPERTIES ${PROPS} WORKING_DIRECTORY "${WORKDIR}" ${ARGN})
endmacro()

string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  # "Suite." in the first column (maybe then "  # TypeParam…"), its tests indented below.
  if(line MATCHES "^([A-Za-z_][A-Za-z0-9_/]*)\\.")
    set(suite "${CMAKE_MATCH_1}")
    list(FIND ISOLATED "${suite}" isolated)
    list(FIND SLOW "${suite}" slow)
    set(cost "")
    if(NOT slow EQUAL -1)
      set(cost COST 1000)
    endif()
    set(filter "${suite}.*")
    if(ALONE MATCHES "^${suite}\\.")
      string(APPEND filter "-${ALONE}")
    endif()
    if(isolated EQUAL -1)
      declic_add(${suite} "${filter}" ${cost})
    endif()
  elseif(line MATCHES "^  ([A-Za-z_][A-Za-z0-9_/]*)")
    set(test "${suite}.${CMAKE_MATCH_1}")
    if(test STREQUAL ALONE)
      declic_add(${test} ${test} RUN_SERIAL TRUE)
    elseif(NOT isolated EQUAL -1)
      declic_add(${test} ${test})
    endif()
  endif()
endforeach()
