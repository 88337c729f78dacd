using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatientMessagesOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reminder_channel",
                table: "patients",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "reminder_consent_by",
                table: "patients",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reminder_consent_on",
                table: "patients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reminders_opted_out_on",
                table: "patients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "reminder_days",
                table: "clinics",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{21,3,1}'::integer[]");

            migrationBuilder.AddColumn<bool>(
                name: "reminders_enabled",
                table: "clinics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appointment_id = table.Column<int>(type: "integer", nullable: false),
                    patient_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    days_before = table.Column<int>(type: "integer", nullable: true),
                    calendar_sequence = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.CheckConstraint("ck_outbox_messages_attempts", "attempts >= 0");
                    table.ForeignKey(
                        name: "fk_outbox_messages_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outbox_messages_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_appointment_id_status",
                table: "outbox_messages",
                columns: new[] { "appointment_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_patient_id",
                table: "outbox_messages",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending_due",
                table: "outbox_messages",
                column: "due_at",
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "reminder_channel",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "reminder_consent_by",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "reminder_consent_on",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "reminders_opted_out_on",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "reminder_days",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "reminders_enabled",
                table: "clinics");
        }
    }
}
