import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { StudioMark } from '../../components/StudioMark';
import { useStudio } from '../../lib/studio';

/** Sign-in, sign-up and the mailed-link pages: one calm card under the studio's name. */
export function AuthLayout() {
  const studio = useStudio();
  return (
    <Box mih="100vh">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap="xs" align="center">
            {studio.data?.logoUrl && <StudioMark name={studio.data.name} logoUrl={studio.data.logoUrl} size={64} />}
            <Text component="p" className="studio-name" ta="center" fz={30} m={0}>
              {studio.data?.name ?? 'Déclic'}
            </Text>
          </Stack>
          <Paper withBorder p={{ base: 'lg', sm: 'xl' }} component="main" id="main">
            <Outlet />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
