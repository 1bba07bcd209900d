package com.ledgerflow.project;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectMemberRepository extends JpaRepository<ProjectMember, ProjectMember.Key> {

	@Query("select m from ProjectMember m where m.key.projectId = ?1")
	List<ProjectMember> findByProjectId(UUID projectId);

	/** On the team: the manager, an explicit member, or the assignee of one of its tasks. */
	@Query("""
			select count(p) > 0 from Project p where p.id = ?1 and (p.managerId = ?2
			  or exists (select 1 from ProjectMember m where m.key.projectId = ?1 and m.key.personId = ?2)
			  or exists (select 1 from ProjectTask t where t.projectId = ?1 and t.assigneeId = ?2))""")
	boolean isOnTeam(UUID projectId, UUID personId);

	/** Members and task assignees of projects in work (planning or active): the people expected to book time. */
	@Query("""
			select m.key.personId from ProjectMember m, Project p where p.id = m.key.projectId and p.status in
			(com.ledgerflow.project.ProjectStatus.PLANNING, com.ledgerflow.project.ProjectStatus.ACTIVE)
			union
			select t.assigneeId from ProjectTask t, Project p where p.id = t.projectId and t.assigneeId is not null
			and p.status in (com.ledgerflow.project.ProjectStatus.PLANNING, com.ledgerflow.project.ProjectStatus.ACTIVE)""")
	List<UUID> peopleOnProjectsInWork();

}
